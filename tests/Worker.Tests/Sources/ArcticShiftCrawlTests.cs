using Crawler.TestSupport;
using Crawler.Worker.Pipeline;
using Dapper;
using static Crawler.Worker.Tests.Sources.ArcticShiftSourceOptions;

namespace Crawler.Worker.Tests.Sources;

/// <summary>
/// Crawls of an Arctic Shift API served on loopback in its documented shapes: passes that find what was
/// archived since, a 429 with its budget, a deletion noted in <c>_meta</c>, and answers that cannot be read.
/// </summary>
public sealed class ArcticShiftCrawlTests
{
    private static readonly string[] ThreadStages = [StageNames.Discover, StageNames.FetchThread, StageNames.Parse, StageNames.Pair];

    // 30 days before the pipeline's clock (2024-04-24): where a first pass starts listing.
    private const string FirstListing = "/api/posts/search?subreddit=PhotoshopRequest&after=1711324800&sort=asc&limit=100&fields=id,created_utc,subreddit";

    [Fact]
    public async Task SecondPass_FindsTheNewPost_AndTheNewComments_WithoutRereadingOldPosts()
    {
        await using var server = await ArcticShiftServer.StartAsync();
        server.Load(Fixture("posts_pass1.json"));
        server.Load(Fixture("comments_pass1.json"));
        using var pipeline = await TestPipeline.StartAsync(For(server));
        await pipeline.RunAsync(ThreadStages);
        var firstPass = server.Requests.Count;

        server.Load(Fixture("posts_pass2.json"));
        server.Load(Fixture("comments_pass2.json"));
        pipeline.Time.Advance(TimeSpan.FromHours(1));
        await pipeline.RunAsync(ThreadStages);

        Assert.Equal(1, server.Count(FirstListing));
        // The second pass lists from the newest post of the first: 1c5ccc3, posted in the same second as 1c5bbb2.
        Assert.Equal(["/api/posts/search?subreddit=PhotoshopRequest&after=1713747600&sort=asc&limit=100&fields=id,created_utc,subreddit"],
            server.Requests.Skip(firstPass).Where(r => r.StartsWith("/api/posts/search", StringComparison.Ordinal)));
        Assert.Equal(1, server.Count("/api/posts/ids?ids=1c5ddd4"));
        await using var db = await pipeline.Db.OpenAsync(CancellationToken.None);
        Assert.Equal(["1c5aaa1|parsed", "1c5bbb2|parsed", "1c5ccc3|parsed", "1c5ddd4|parsed"],
            await db.QueryAsync<string>("SELECT thread_id || '|' || status FROM threads ORDER BY thread_id"));
        Assert.Equal(["l5a0001|1c5aaa1", "l5a0002|1c5aaa1", "l5b0001|1c5bbb2", "l5b0002|1c5bbb2", "l5d0001|1c5ddd4"],
            await db.QueryAsync<string>("SELECT reply_id || '|' || thread_id FROM replies ORDER BY reply_id"));
        Assert.Equal(
            ["reddit:1c5aaa1:l5a0001:0|https://i.redd.it/k3l4m5n6o7p8q.jpg|https://i.imgur.com/L4mpG0n.jpg",
             "reddit:1c5aaa1:l5a0002:0|https://i.redd.it/k3l4m5n6o7p8q.jpg|https://i.imgur.com/T4keTw0.jpg",
             "reddit:1c5bbb2:l5b0001:0|https://i.imgur.com/Gr4nDpa.jpg|https://i.imgur.com/W3dd1ng.png",
             "reddit:1c5ddd4:l5d0001:0|https://i.redd.it/d0g1e2a3s4h5x.jpg|https://i.imgur.com/N0L34sh.jpg"],
            await db.QueryAsync<string>("SELECT pair_id || '|' || source_url || '|' || target_url FROM pairs ORDER BY pair_id"));
        Assert.Equal("https://www.reddit.com/r/PhotoshopRequest/comments/1c5aaa1/please_remove_the_lamp_post_be/",
            await db.ExecuteScalarAsync<string>("SELECT url FROM threads WHERE thread_id = '1c5aaa1'"));
    }

    [Fact]
    public async Task APostOlderThanTheRevisitWindow_IsReadOnce_ThenLeftToTheDeletionSweep()
    {
        await using var server = await ArcticShiftServer.StartAsync();
        server.Load(Fixture("posts_pass1.json"));
        server.Load(Fixture("comments_pass1.json"));
        var source = For(server);
        source.RevisitWindowHours = 24; // the saved posts were posted two days before the pipeline's clock
        using var pipeline = await TestPipeline.StartAsync(source);

        await pipeline.RunAsync(ThreadStages);
        pipeline.Time.Advance(TimeSpan.FromHours(3));
        await pipeline.RunAsync(ThreadStages);

        Assert.Equal(1, server.Count("/api/posts/ids?ids=1c5aaa1"));
        await using var db = await pipeline.Db.OpenAsync(CancellationToken.None);
        Assert.Equal(["deletion-sweep|pending", "fetch-thread|done"],
            await db.QueryAsync<string>("SELECT stage || '|' || state FROM work WHERE item_key = 'reddit:1c5aaa1' AND stage IN ('fetch-thread', 'deletion-sweep') ORDER BY stage"));
    }

    [Fact]
    public async Task DeletionSweep_AsksTheArchiveByIdsInBulk_PurgesWhatItMarksDeleted_AndKeepsWhatItLeavesOut()
    {
        await using var server = await ArcticShiftServer.StartAsync();
        server.Load(Fixture("posts_pass1.json"));
        server.Load(Fixture("comments_pass1.json"));
        var source = For(server);
        source.RevisitWindowHours = 24;
        using var pipeline = await TestPipeline.StartAsync(source);
        await pipeline.RunAsync(ThreadStages);
        server.Load(Fixture("deleted_pass2.json"));
        server.Bodies["/api/posts/ids?ids=1c5aaa1,1c5bbb2"] = "{\"data\": []}"; // an archive that answers without the posts

        pipeline.Time.Advance(TimeSpan.FromHours(source.DeletionSweepHours + 1));
        await pipeline.RunAsync(StageNames.DeletionSweep);

        Assert.Equal(["/api/posts/ids?ids=1c5aaa1,1c5bbb2,1c5ccc3", "/api/comments/ids?ids=l5a0001,l5b0001"],
            server.Requests.Where(r => r.Contains("/ids?ids=", StringComparison.Ordinal) && r.Contains(',', StringComparison.Ordinal)));
        await using var db = await pipeline.Db.OpenAsync(CancellationToken.None);
        Assert.Equal(["reply|l5b0001|sweep"], await db.QueryAsync<string>("SELECT kind || '|' || key || '|' || origin FROM deletions"));
        Assert.Equal(["reddit:1c5aaa1:l5a0001:0|candidate", "reddit:1c5bbb2:l5b0001:0|dropped"],
            await db.QueryAsync<string>("SELECT pair_id || '|' || status FROM pairs ORDER BY pair_id"));
    }

    [Fact]
    public async Task A429WithResetHeaders_HoldsDiscoveryBackUntilTheReset_ThenThePassGoesOn()
    {
        await using var server = await ArcticShiftServer.StartAsync();
        server.Load(Fixture("posts_pass1.json"));
        server.RateLimitOnce[FirstListing] = true;
        using var pipeline = await TestPipeline.StartAsync(For(server));

        await pipeline.RunAsync(ThreadStages);
        var refused = server.Count("/api/posts/search?");
        pipeline.Time.Advance(TimeSpan.FromSeconds(5));
        await pipeline.RunAsync(ThreadStages);
        var beforeReset = server.Count("/api/posts/search?");
        pipeline.Time.Advance(TimeSpan.FromSeconds(3));
        await pipeline.RunAsync(ThreadStages);

        Assert.Equal((1, 1, 2), (refused, beforeReset, server.Count("/api/posts/search?")));
        await using var db = await pipeline.Db.OpenAsync(CancellationToken.None);
        Assert.Equal(3, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM threads WHERE status = 'parsed'"));
    }

    [Fact]
    public async Task MetaDeletion_DropsThePairOfTheDeletedEdit_RecordsIt_AndPurgesThePageQuotingIt()
    {
        await using var server = await ArcticShiftServer.StartAsync();
        server.Load(Fixture("posts_pass1.json"));
        server.Load(Fixture("comments_pass1.json"));
        using var pipeline = await TestPipeline.StartAsync(For(server));
        await pipeline.RunAsync(ThreadStages);

        server.Load(Fixture("deleted_pass2.json"));
        pipeline.Time.Advance(TimeSpan.FromHours(1));
        await pipeline.RunAsync(ThreadStages);

        await using var db = await pipeline.Db.OpenAsync(CancellationToken.None);
        Assert.Equal(["reddit:1c5aaa1:l5a0001:0|candidate|", "reddit:1c5bbb2:l5b0001:0|dropped|deleted at the source"],
            await db.QueryAsync<string>("SELECT pair_id || '|' || status || '|' || COALESCE(reason, '') FROM pairs ORDER BY pair_id"));
        Assert.Equal(["reply|l5b0001|parse"], await db.QueryAsync<string>("SELECT kind || '|' || key || '|' || origin FROM deletions"));
        Assert.Equal((1L, ""), await db.QuerySingleAsync<(long, string)>("SELECT deleted, body FROM replies WHERE reply_id = 'l5b0001'"));
        Assert.Equal(["1c5aaa1", "1c5ccc3"], await db.QueryAsync<string>("SELECT thread_id FROM raw_pages ORDER BY thread_id"));
    }

    [Fact]
    public async Task RestartMidPass_ResumesAtTheCursor_WithOneRowAndOneFetchPerThread()
    {
        await using var server = await ArcticShiftServer.StartAsync();
        var template = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Fixture("posts_pass1.json")))!["data"]![0]!;
        for (var i = 0; i < 150; i++)
        {
            var post = template.DeepClone().AsObject();
            post["id"] = $"1c6{i:D4}";
            post["created_utc"] = 1713600000L + (i * 60);
            server.Archive(post);
        }
        const string Page2 = "/api/posts/search?subreddit=PhotoshopRequest&after=1713605940&";
        server.RateLimitOnce[Page2] = true;
        var pipeline = await TestPipeline.StartAsync(For(server));
        try
        {
            await pipeline.RunAsync(StageNames.Discover);
            pipeline = await pipeline.RestartAsync();
            pipeline.Time.Advance(TimeSpan.FromSeconds(8));
            await pipeline.RunAsync(ThreadStages);

            Assert.Equal((1, 2), (server.Count(FirstListing), server.Count(Page2)));
            Assert.Equal(150, server.Count("/api/posts/ids?ids=1c6"));
            await using var db = await pipeline.Db.OpenAsync(CancellationToken.None);
            Assert.Equal((150L, 150L, 150L), await db.QuerySingleAsync<(long, long, long)>(
                "SELECT (SELECT COUNT(*) FROM threads), (SELECT COUNT(DISTINCT thread_id) FROM threads), (SELECT COUNT(*) FROM frontier)"));
            Assert.Equal("1713608940|1c60149", await db.ExecuteScalarAsync<string>("SELECT created_utc || '|' || thread_id FROM archive_cursors"));
        }
        finally
        {
            pipeline.Dispose();
        }
    }

    [Theory]
    [InlineData(10, 150, 2, null)]
    [InlineData(1, 100, 1, "comments past the first 100 not read: the budget of 1 comment pages per fetch is spent")]
    public async Task ThreadWithMoreCommentsThanAPage_IsReadPageByPage_WithinTheBudget(int budget, int stored, int requests, string? reason)
    {
        await using var server = await ArcticShiftServer.StartAsync();
        server.Load(Fixture("posts_pass1.json"));
        var template = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Fixture("comments_pass1.json")))!["data"]![0]!;
        for (var i = 0; i < 150; i++)
        {
            var comment = template.DeepClone().AsObject();
            comment["id"] = $"m5a{i:D4}";
            comment["created_utc"] = 1713747000L + (i / 3); // three a second, so pages end inside a second
            server.Archive(comment);
        }
        var source = For(server);
        source.CommentPages = budget;
        using var pipeline = await TestPipeline.StartAsync(source);

        await pipeline.RunAsync(ThreadStages);

        Assert.Equal(requests, server.Count("/api/comments/search?link_id=1c5aaa1&"));
        await using var db = await pipeline.Db.OpenAsync(CancellationToken.None);
        Assert.Equal(stored, await db.ExecuteScalarAsync<long>("SELECT COUNT(DISTINCT reply_id) FROM replies WHERE thread_id = '1c5aaa1'"));
        Assert.Equal(reason, await db.ExecuteScalarAsync<string?>("SELECT reason FROM frontier WHERE thread_id = '1c5aaa1'"));
    }

    [Fact]
    public async Task UnreadableAnswers_FailTheirThreadWithTheReason_AndTheRestIsCrawled()
    {
        await using var server = await ArcticShiftServer.StartAsync();
        server.Load(Fixture("posts_pass1.json"));
        server.Load(Fixture("comments_pass1.json"));
        server.Bodies["/api/comments/search?link_id=1c5aaa1&"] = "{\"error\": \"Query timed out\"}";
        server.Bodies["/api/posts/ids?ids=1c5ccc3"] = "{\"data\": [{\"id\": \"1c5cc";
        using var pipeline = await TestPipeline.StartAsync(For(server));

        await pipeline.RunAsync(ThreadStages);

        await using var db = await pipeline.Db.OpenAsync(CancellationToken.None);
        var threads = (await db.QueryAsync<(string Id, string Status, string? Reason)>("SELECT thread_id, status, reason FROM threads ORDER BY thread_id")).ToList();
        Assert.Equal(["1c5aaa1|failed", "1c5bbb2|parsed", "1c5ccc3|failed"], threads.Select(t => $"{t.Id}|{t.Status}"));
        Assert.Equal("malformed page: answer 1 beside the page (morechildren, comments): Arctic Shift answered with an error: Query timed out", threads[0].Reason);
        Assert.StartsWith("malformed page: malformed JSON", threads[2].Reason, StringComparison.Ordinal);
    }
}
