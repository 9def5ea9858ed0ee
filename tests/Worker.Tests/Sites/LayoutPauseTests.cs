using Crawler.TestSupport.Forums;
using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Pipeline;
using Crawler.Worker.Sources;
using Crawler.Worker.Web;
using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Crawler.Worker.Tests.Sites;

/// <summary>
/// A forum source whose thread pages no longer match its site file, crawled from the loopback forum: each
/// thread fails as a layout change, LayoutFailuresToPause of them in a row pause the source (healthz degraded,
/// one warning, nothing fetched), a restart lifts the pause, and a page that parses breaks the run.
/// </summary>
public sealed class LayoutPauseTests
{
    private static readonly string[] Stages = [StageNames.Discover, StageNames.FetchThread, StageNames.Parse];

    [Fact]
    public async Task ThreadPagesThatNoLongerMatch_PauseTheSource_AfterLayoutFailuresToPauseInARow_UntilARestart()
    {
        await using var forum = await ForumSiteServer.StartAsync(new ForumSiteOptions { Boards = 1, ThreadsPerBoard = 6, PostsPerThread = 4, Images = false });
        // Listing rows still match, so discovery finds the threads; their posts match nothing, as after a redesign.
        using var site = new EditedSiteFile("redesigned", ("post", "article.message--post-v3[data-author]"));
        var source = Source(forum, site, layoutFailuresToPause: 5);
        using var pipeline = await TestPipeline.StartAsync(source);

        await pipeline.RunAsync(Stages);

        await using (var db = await pipeline.Db.OpenAsync(CancellationToken.None))
        {
            var failed = (await db.QueryAsync<(string Status, string Reason)>("SELECT status, reason FROM threads ORDER BY thread_id")).ToList();
            Assert.Equal(forum.Threads.Count, failed.Count);
            Assert.All(failed, t => Assert.Equal("failed", t.Status));
            Assert.All(failed, t => Assert.StartsWith("malformed page: layout changed: redesigned: no post matches 'article.message--post-v3[data-author]'", t.Reason, StringComparison.Ordinal));
        }
        var reason = await pipeline.Get<SourcePauseStore>().PausedReasonAsync(source.Name, CancellationToken.None);
        Assert.NotNull(reason);
        Assert.StartsWith("layout changed: redesigned: ", reason, StringComparison.Ordinal);
        var health = await CheckAsync(pipeline);
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Equal($"source {source.Name} paused: {reason}", health.Description);
        // Six threads failed, the fifth paused the source: the sixth must not warn again.
        var warning = Assert.Single(pipeline.Logs.At(LogLevel.Warning, $"Source {source.Name} paused"));
        Assert.Contains("after 5 pages in a row", warning, StringComparison.Ordinal);

        // Discovery comes round again and the threads' revisits fall due: neither may reach the forum while paused.
        var requests = forum.Requests.Count;
        pipeline.Time.Advance(TimeSpan.FromHours(2));
        Assert.True(await pipeline.RunAsync(Stages) > 0, "discovery and the revisits were due");
        Assert.Equal(requests, forum.Requests.Count);
        await using (var db = await pipeline.Db.OpenAsync(CancellationToken.None))
        {
            Assert.Equal($"paused: {reason}", await db.ExecuteScalarAsync<string>("SELECT reason FROM sources WHERE name = @name", new { name = source.Name }));
            Assert.Equal(forum.Threads.Count, await db.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM work WHERE stage = @stage AND state = 'pending' AND reason LIKE 'source paused: layout changed: %'", new { stage = StageNames.FetchThread }));
        }

        using var restarted = await pipeline.RestartAsync();

        Assert.Null(await restarted.Get<SourcePauseStore>().PausedReasonAsync(source.Name, CancellationToken.None));
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(restarted)).Status);
        Assert.Single(restarted.Logs.At(LogLevel.Information, $"Source {source.Name} resumes after a restart; it was paused: {reason}"));
        // Resumed, the source reads its listing again.
        await restarted.RunAsync(StageNames.Discover);
        Assert.True(forum.Requests.Count > requests, "discovery reached the forum again after the restart");
    }

    [Fact]
    public async Task LayoutFailures_DoNotPause_WhenAPageThatParsesBreaksTheRun()
    {
        await using var forum = await ForumSiteServer.StartAsync(new ForumSiteOptions { Boards = 1, ThreadsPerBoard = 5, PostsPerThread = 4, Images = false });
        // Only the middle thread's requester is matched: threads are parsed oldest first, so failures come
        // two, then the match, then two, four in all against a limit of three.
        var middle = forum.Threads[2];
        using var site = new EditedSiteFile("partly", ("post", $"article.message--post[data-author=\"{middle.Requester}\"]"));
        var source = Source(forum, site, layoutFailuresToPause: 3);
        using var pipeline = await TestPipeline.StartAsync(source);

        await pipeline.RunAsync(Stages);

        await using var db = await pipeline.Db.OpenAsync(CancellationToken.None);
        var threads = (await db.QueryAsync<(string Id, string Status)>("SELECT thread_id, status FROM threads ORDER BY thread_id")).ToList();
        Assert.Equal(
            forum.Threads.Select(t => (t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), t == middle ? "parsed" : "failed")),
            threads);
        Assert.Null(await pipeline.Get<SourcePauseStore>().PausedReasonAsync(source.Name, CancellationToken.None));
        // The run after the match is still counted, from zero.
        Assert.Equal(2, await db.ExecuteScalarAsync<long>("SELECT layout_failures FROM source_pauses WHERE source = @name", new { name = source.Name }));
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(pipeline)).Status);
        Assert.Empty(pipeline.Logs.At(LogLevel.Warning, $"Source {source.Name} paused"));
    }

    private static Task<HealthCheckResult> CheckAsync(TestPipeline pipeline) =>
        new SourcePauseHealthCheck(pipeline.Get<SourcePauseStore>()).CheckHealthAsync(new HealthCheckContext(), CancellationToken.None);

    private static SourceOptions Source(ForumSiteServer forum, EditedSiteFile site, int layoutFailuresToPause) => new()
    {
        Name = "forum-test",
        Adapter = "forum",
        Site = site.FilePath,
        BaseUrl = forum.BaseUrl.AbsoluteUri,
        Communities = [.. forum.Boards.Select(b => $"{b.Slug}.{b.Id}")],
        ListingPages = 5,
        LayoutFailuresToPause = layoutFailuresToPause,
        NoPoliteness = true,
    };
}
