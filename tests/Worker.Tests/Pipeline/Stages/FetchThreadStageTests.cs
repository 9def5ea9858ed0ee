using Crawler.Core.Domain;
using Crawler.Worker.Catalog.Work;
using Crawler.TestSupport;
using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Pipeline;
using Crawler.Worker.Tests.Sources;
using Dapper;

namespace Crawler.Worker.Tests.Pipeline.Stages;

public sealed class FetchThreadStageTests
{
    private const string Key = "reddit:1d0aaa1";

    [Fact]
    public async Task Fetch_RevisitsOnADecayingSchedule_ThenHandsTheThreadToTheDeletionSweep()
    {
        await using var server = await RedditApiServer.StartAsync();
        var source = RedditSourceOptions.For(server);
        source.RevisitWindowHours = 8;
        using var pipeline = await TestPipeline.StartAsync(source);
        await AddToFrontierAsync(pipeline, server);
        var start = pipeline.Time.GetUtcNow();

        var visits = new List<double>();
        for (var hour = 0; hour <= 12; hour++)
        {
            if (await pipeline.RunAsync(StageNames.FetchThread) > 0)
            {
                visits.Add((pipeline.Time.GetUtcNow() - start).TotalHours);
            }
            pipeline.Time.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal([0, 1, 3, 7], visits); // then 15 h would pass the 8 h window
        await using var db = await pipeline.Db.OpenAsync(CancellationToken.None);
        var sweepDue = await db.ExecuteScalarAsync<long>("SELECT not_before FROM work WHERE stage = 'deletion-sweep' AND item_key = @Key", new { Key });
        Assert.Equal(start.AddHours(7 + source.DeletionSweepHours).ToUnixTimeMilliseconds(), sweepDue);
        Assert.Equal(4, server.Count("GET /comments/1d0aaa1.json"));
        Assert.Equal(3, server.Requests.Count(r => r.StartsWith("GET /comments/1d0aaa1.json", StringComparison.Ordinal) && r.EndsWith("If-None-Match", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Fetch_QueuesTheParseAgain_WhenAKilledFetchStoredThePageButNeverQueuedIt()
    {
        await using var server = await RedditApiServer.StartAsync();
        using var pipeline = await TestPipeline.StartAsync(RedditSourceOptions.For(server));
        await AddToFrontierAsync(pipeline, server);
        // The state a fetch leaves when killed between storing the page and queueing its parse.
        var page = await File.ReadAllBytesAsync(RepoPaths.OwnFixture("reddit-api", "comments_1d0aaa1.json"));
        await pipeline.Get<RawPageStore>().PutAsync(new ThreadRef("reddit", "1d0aaa1"), page, "application/json", [], CancellationToken.None);

        await pipeline.RunAsync(StageNames.FetchThread);

        await using var db = await pipeline.Db.OpenAsync(CancellationToken.None);
        Assert.Equal("pending", await db.ExecuteScalarAsync<string>("SELECT state FROM work WHERE stage = 'parse' AND item_key = @Key", new { Key }));
    }

    [Fact]
    public async Task Fetch_RecordsTheThreadDeleted_WhenARevisitFindsItGone()
    {
        await using var server = await RedditApiServer.StartAsync();
        using var pipeline = await TestPipeline.StartAsync(RedditSourceOptions.For(server));
        await AddToFrontierAsync(pipeline, server);
        await pipeline.RunAsync(StageNames.FetchThread, StageNames.Parse);
        server.Gone["1d0aaa1"] = true;

        pipeline.Time.Advance(TimeSpan.FromHours(1));
        await pipeline.RunAsync(StageNames.FetchThread);

        await using var db = await pipeline.Db.OpenAsync(CancellationToken.None);
        Assert.Equal("thread:1d0aaa1:fetch", await db.ExecuteScalarAsync<string>("SELECT kind || ':' || key || ':' || origin FROM deletions"));
        Assert.Equal(1L, await db.ExecuteScalarAsync<long>("SELECT deleted FROM threads WHERE thread_id = '1d0aaa1'"));
        Assert.Equal(0L, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM raw_pages"));
        Assert.Equal(("failed", "gone at the source: HTTP 404 Not Found"), await db.QuerySingleAsync<(string, string)>("SELECT status, reason FROM frontier"));
        Assert.Equal(0L, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM work WHERE stage = 'fetch-thread' AND state = 'pending'"));
    }

    private static async Task AddToFrontierAsync(TestPipeline pipeline, RedditApiServer server)
    {
        await pipeline.Get<FrontierStore>().AddDiscoveredAsync([new FrontierEntry
        {
            Site = "reddit", ThreadId = "1d0aaa1", Source = "reddit-test", Community = "PhotoshopRequest",
            Url = server.Url("comments/1d0aaa1.json?raw_json=1&limit=500").AbsoluteUri,
        }], CancellationToken.None);
        await pipeline.Get<WorkQueue>().EnqueueAsync(StageNames.FetchThread, [(Key, "")]);
    }
}
