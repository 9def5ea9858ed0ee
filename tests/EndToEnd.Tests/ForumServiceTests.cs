using Crawler.TestSupport;
using Crawler.TestSupport.Forums;

namespace Crawler.EndToEnd.Tests;

/// <summary>
/// The service crawling a forum it knows only from a test-only site file (no preset, no code of its own): a
/// XenForo-like forum on loopback with two boards, threads over two pages and attachments. It ingests, pairs and
/// exports every edit but repeats, and a second run over the unchanged forum publishes the same rows.
/// </summary>
public sealed class ForumServiceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);
    private static readonly string SiteFile = Path.Combine(RepoPaths.Root, "tests", "EndToEnd.Tests", "Sites", "loopback-forum.json");

    [Fact]
    public async Task Service_CrawlsAForumFromItsSiteFileAlone_ExportsEveryEdit_AndASecondRunPublishesTheSameRows()
    {
        await using var forum = await ForumSiteServer.StartAsync(new ForumSiteOptions { Boards = 2, ThreadsPerBoard = 6, PostsPerThread = 26 });
        using var dir = new TempDir();

        List<Dictionary<string, object?>> first;
        using (var service = Start(dir.Path, forum))
        {
            first = DemoSnapshot.Contents(await ServiceRun.ToTheEndAsync(service, dir.Path, Patience));
        }

        ForumEdits.AssertExported(forum, "loopback-forum", dir.Path, first);
        var thread = forum.Threads[0];
        var row = first.First(r => ((string)r["id"]!).StartsWith($"loopback-forum:{thread.Id}:", StringComparison.Ordinal));
        // The request is the thread's title and first post (its smiley is an image, not text).
        Assert.StartsWith($"{thread.Title}\n\n{thread.Posts[0].Text.Split('?')[0]}?", (string)row["raw_request"]!, StringComparison.Ordinal);
        Assert.Equal(forum.ThreadUrl(thread.Id).AbsoluteUri, row["thread_url"]);

        var fetchedBefore = forum.Requests.Count;
        using (var again = Start(dir.Path, forum))
        {
            SnapshotRows.AssertSame(first, DemoSnapshot.Contents(await ServiceRun.ToTheEndAsync(again, dir.Path, Patience)));
        }
        Assert.True(forum.Requests.Count > fetchedBefore, "the second run read the forum again");
    }

    private static CrawlerProcess Start(string dataDir, ForumSiteServer forum)
    {
        string[] args =
        [
            "--urls", $"http://127.0.0.1:{FreePort.Next()}", "--data-dir", dataDir,
            "--Sources:0:Enabled=false", "--Sources:2:Enabled=false",
            // At index 9, after the shipped sources, so none of them lends it a setting.
            "--Sources:9:Name=loopback-forum", "--Sources:9:Adapter=forum", $"--Sources:9:Site={SiteFile}",
            $"--Sources:9:BaseUrl={forum.BaseUrl.AbsoluteUri}", "--Sources:9:Enabled=true", "--Sources:9:NoPoliteness=true",
            // A second run finds nothing new on the board's first page, and no thread is due for a revisit yet.
            "--Sources:9:RevisitWindowHours=0",
            "--Fetch:AllowedNetworks:0=127.0.0.1/32",
            "--Export:Cron=*/5 * * * * *",
            .. forum.Boards.SelectMany((b, i) => new[] { $"--Sources:9:Communities:{i}={b.Slug}.{b.Id}" }),
        ];
        return CrawlerProcess.Start(args, DemoSnapshot.FixedSalt);
    }
}
