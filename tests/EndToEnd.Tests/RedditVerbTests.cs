using System.Text.Json;
using Crawler.TestSupport;

namespace Crawler.EndToEnd.Tests;

/// <summary>The Reddit verbs of the real executable on the real samples in ../shared/fixtures (skipped when absent).</summary>
public sealed class RedditVerbTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("reddit-json", "reddit", "praw__listing_r_popular_hot__images_galleries_flair__2026.json", 100, "t3_1skbyfv", 0)]
    [InlineData("reddit-json", "reddit", "praw__api_morechildren_response__3hahrw.json", 0, null, 11)]
    [InlineData("reddit-html", "reddit", "old_reddit_html__listing_r_worldnews_2016__fiit_crawler.html", 25, "t3_56m0mo", 0)]
    [InlineData("reddit-html", "reddit", "newreddit_shreddit_post_r-google_antigravity_1q9toqt_2026.html", 1, null, 0)]
    [InlineData("pushshift", "dumps", "pushshift_dump__RS_2018-02-01__first50_submissions.ndjson", 50, null, 0)]
    [InlineData("pushshift", "dumps", "pushshift_dump__RC_2018-10__2_comment_lines__from_blog_post.ndjson", 0, null, 2)]
    [SharedFixturesTrait]
    public async Task Parse_PrintsThreadsNextAndLooseReplies_ForEverySampleFormat(string site, string folder, string file, int threads, string? next, int replies)
    {
        var path = SharedFixtures.PathOf(folder, file);

        var process = await CrawlerProcess.RunAsync(["parse", "--site", site, "--file", path], Timeout);

        Assert.Equal(0, process.ExitCode);
        using var json = JsonDocument.Parse(process.Stdout);
        Assert.Equal(threads, json.RootElement.GetProperty("threads").GetArrayLength());
        Assert.Equal(next, json.RootElement.TryGetProperty("next", out var after) ? after.GetString() : null);
        Assert.Equal(replies, json.RootElement.TryGetProperty("replies", out var loose) ? loose.GetArrayLength() : 0);
        if (replies > 0)
        {
            Assert.All(loose.EnumerateArray(), r => Assert.False(string.IsNullOrEmpty(r.GetProperty("link_id").GetString())));
        }
    }

    [Fact]
    [SharedFixturesTrait]
    public async Task ImportDump_ImportsTheChosenSubreddits_AndSaysWhatItSkipped()
    {
        using var dir = new TempDir();
        var dump = SharedFixtures.PathOf("dumps", "pushshift_dump__RS_2018-02-01__first50_submissions.ndjson");

        var process = await CrawlerProcess.RunAsync(
            ["import-dump", "--data-dir", dir.Path, "--submissions", dump, "--subreddit", "hmmm", "--subreddit", "MangaCollectors", "--since", "2018-01-31"], Timeout);

        Assert.Equal(0, process.ExitCode);
        Assert.StartsWith("50 lines read: 2 threads and 0 replies imported; skipped 48 of other communities", process.Stdout, StringComparison.Ordinal);
        var rows = Catalog.Query(dir.Path, "SELECT thread_id, source FROM threads ORDER BY thread_id");
        Assert.Equal(["7ueitj", "7ueiud"], rows.Select(r => (string)r["thread_id"]!));
        Assert.All(rows, r => Assert.Equal("reddit-photoshoprequest", r["source"]));
    }

    [Theory]
    [InlineData("--since", "last tuesday", "--since must be a date such as 2018-02-01, not 'last tuesday'.")]
    [InlineData("--submissions", "/nonexistent/RS_2018-02.zst", "crawler import-dump: no file /nonexistent/RS_2018-02.zst")]
    public async Task ImportDump_ExplainsBadArguments(string option, string value, string expected)
    {
        using var dir = new TempDir();

        var process = await CrawlerProcess.RunAsync(["import-dump", "--data-dir", dir.Path, "--subreddit", "PhotoshopRequest", option, value], Timeout);

        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains(expected, process.Stdout + process.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing", "crawler parse: no file ")]
    [InlineData("folder", " is a folder, not a file")]
    [InlineData("lone surrogate", "crawler parse: line 2: malformed JSON (byte 20): lone surrogate escape \\ud83d")]
    [InlineData("not UTF-8", "crawler parse: line 2: malformed JSON (byte 23): invalid UTF-8 (0xE9)")]
    public async Task Parse_SaysWhatIsWrongInOneLine_WhenTheFileCannotBeParsed(string kind, string expected)
    {
        using var dir = new TempDir();
        var path = dir.Combine("page.ndjson");
        var good = "{\"id\":\"a1\",\"title\":\"ok\",\"subreddit\":\"x\"}\n"u8.ToArray();
        switch (kind)
        {
            case "folder":
                path = dir.Path;
                break;
            case "lone surrogate":
                await File.WriteAllBytesAsync(path, [.. good, .. "{\"id\":\"a2\",\"title\":\"\\ud83d\"}"u8]);
                break;
            case "not UTF-8":
                await File.WriteAllBytesAsync(path, [.. good, .. "{\"id\":\"a2\",\"title\":\"caf"u8, 0xE9, .. "\"}"u8]);
                break;
        }

        var process = await CrawlerProcess.RunAsync(["parse", "--site", "pushshift", "--file", path], Timeout);

        Assert.Equal(1, process.ExitCode);
        Assert.Contains(expected, Assert.Single(process.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Equal("", process.Stdout);
    }
}
