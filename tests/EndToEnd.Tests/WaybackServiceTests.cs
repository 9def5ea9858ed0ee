using System.Globalization;
using System.Text.RegularExpressions;
using Crawler.TestSupport;
using Crawler.TestSupport.Forums;
using Crawler.TestSupport.Wayback;

namespace Crawler.EndToEnd.Tests;

/// <summary>
/// The service reading a site that is gone from a Wayback Machine on loopback: the loopback forum's thread pages
/// and images are archived under the address the forum had, and the service finds the threads through the CDX
/// API, reads each capture raw, follows a thread's later pages and its images through the archive, and exports
/// the edits, each row naming the capture it came from. A second run over the same archive publishes the same rows.
/// </summary>
public sealed partial class WaybackServiceTests
{
    private const string Original = "http://forum.example";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);
    private static readonly string SiteFile = Path.Combine(RepoPaths.Root, "tests", "EndToEnd.Tests", "Sites", "archived-forum.json");

    [Fact]
    public async Task Service_ReadsAGoneForumFromItsCaptures_ExportsItsEdits_WithTheCaptureInEachRow_AndASecondRunPublishesTheSameRows()
    {
        await using var forum = await ForumSiteServer.StartAsync(new ForumSiteOptions { Boards = 1, ThreadsPerBoard = 4, PostsPerThread = 26 });
        await using var archive = await WaybackServer.StartAsync();
        var captured = await ArchiveAsync(forum, archive);
        using var dir = new TempDir();

        List<Dictionary<string, object?>> first;
        using (var service = Start(dir.Path, archive))
        {
            first = DemoSnapshot.Contents(await ServiceRun.ToTheEndAsync(service, dir.Path, Patience));
        }

        ForumEdits.AssertExported(forum, "archived-forum", dir.Path, first);
        var thread = forum.Threads[0];
        var row = first.First(r => ((string)r["id"]!).StartsWith($"archived-forum:{thread.Id}:", StringComparison.Ordinal));
        Assert.Equal(archive.RawUrl(captured[thread.Id], $"{Original}/forum/{thread.Path}").AbsoluteUri, row["thread_url"]);
        Assert.Equal(0, archive.RateLimitedAnswers);

        using (var again = Start(dir.Path, archive))
        {
            SnapshotRows.AssertSame(first, DemoSnapshot.Contents(await ServiceRun.ToTheEndAsync(again, dir.Path, Patience)));
        }
    }

    /// <summary>
    /// Archives every page of every thread, and every image they link, as fetched from the forum, one capture a
    /// minute apart; returns the capture time of each thread's first page.
    /// </summary>
    private static async Task<Dictionary<int, string>> ArchiveAsync(ForumSiteServer forum, WaybackServer archive)
    {
        using var http = new HttpClient { BaseAddress = forum.BaseUrl };
        var at = new DateTime(2016, 5, 1, 12, 0, 0, DateTimeKind.Utc);
        string Next() => (at = at.AddMinutes(1)).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var firstPages = new Dictionary<int, string>();
        var archived = new HashSet<string>(StringComparer.Ordinal);
        foreach (var thread in forum.Threads)
        {
            for (var page = 1; ; page++)
            {
                var path = $"/forum/{thread.Path}" + (page > 1 ? $"page-{page}" : "");
                using var response = await http.GetAsync(new Uri(forum.BaseUrl, path));
                if (!response.IsSuccessStatusCode)
                {
                    break;
                }
                var html = await response.Content.ReadAsByteArrayAsync();
                var timestamp = Next();
                archive.AddCapture(Original + path, timestamp, html, "text/html; charset=utf-8");
                firstPages.TryAdd(thread.Id, timestamp);
                foreach (Match link in RootRelativeLink().Matches(System.Text.Encoding.UTF8.GetString(html)))
                {
                    var target = link.Groups["path"].Value;
                    using var asset = archived.Add(target) ? await http.GetAsync(new Uri(forum.BaseUrl, target)) : null;
                    if (asset is { IsSuccessStatusCode: true } && asset.Content.Headers.ContentType?.MediaType?.StartsWith("image/", StringComparison.Ordinal) == true)
                    {
                        archive.AddCapture(Original + target, Next(), await asset.Content.ReadAsByteArrayAsync(), asset.Content.Headers.ContentType.ToString());
                    }
                }
            }
        }
        return firstPages;
    }

    private static CrawlerProcess Start(string dataDir, WaybackServer archive) => CrawlerProcess.Start(
    [
        "--urls", $"http://127.0.0.1:{FreePort.Next()}", "--data-dir", dataDir,
        "--Sources:0:Enabled=false", "--Sources:2:Enabled=false",
        "--Sources:9:Name=archived-forum", "--Sources:9:Adapter=wayback", $"--Sources:9:Site={SiteFile}",
        $"--Sources:9:BaseUrl={archive.BaseUrl.AbsoluteUri}", "--Sources:9:Communities:0=requests", "--Sources:9:Enabled=true",
        "--Sources:9:NoPoliteness=true", "--Sources:9:RevisitWindowHours=0",
        "--Fetch:AllowedNetworks:0=127.0.0.1/32",
        "--Export:Cron=*/5 * * * * *",
    ], DemoSnapshot.FixedSalt);

    [GeneratedRegex("(?:src|href|data-url)=\"(?<path>/forum/[^\"]+)\"")]
    private static partial Regex RootRelativeLink();
}
