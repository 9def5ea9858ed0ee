using Crawler.Worker.Pipeline;
using Dapper;

namespace Crawler.Worker.Tests.Sources;

/// <summary>
/// A whole crawl of a Reddit API served on loopback in Reddit's formats: listing pages, comments pages with
/// hidden replies, morechildren answers, a 429 with rate headers, and three pages that cannot be parsed.
/// </summary>
public sealed class RedditCrawlTests
{
    private static readonly string[] ThreadStages = [StageNames.Discover, StageNames.FetchThread, StageNames.Parse, StageNames.Pair];

    [Fact]
    public async Task Crawl_IngestsEveryThreadOnce_ExpandsStubs_AndStoresPairsWithReasons()
    {
        await using var server = await RedditApiServer.StartAsync();
        server.RateLimitOnce["/r/PhotoshopRequest/new.json?limit=100&raw_json=1"] = true;
        using var pipeline = await TestPipeline.StartAsync(RedditSourceOptions.For(server));

        await CrawlAsync(pipeline);

        Assert.All(["1d0aaa1", "1d0bbb2", "1d0ccc3", "1d0ddd4", "1d0eee5"], id => Assert.Equal(1, server.Count($"GET /comments/{id}.json")));
        Assert.Equal(2, server.Requests.Count(r => r == "GET /r/PhotoshopRequest/new.json?limit=100&raw_json=1")); // the 429, then the page
        Assert.Equal(1, server.Count("GET /r/PhotoshopRequest/new.json?limit=100&raw_json=1&after=t3_1d0ddd4"));
        Assert.Equal(
        [
            "GET /api/morechildren?api_type=json&link_id=t3_1d0aaa1&children=l1a0003,l1a0004&limit_children=false&raw_json=1",
            "GET /api/morechildren?api_type=json&link_id=t3_1d0bbb2&children=l1b0003&limit_children=false&raw_json=1",
            "GET /api/morechildren?api_type=json&link_id=t3_1d0bbb2&children=l1b0004&limit_children=false&raw_json=1",
        ], server.Requests.Where(r => r.StartsWith("GET /api/morechildren", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(1, server.Count("POST /api/v1/access_token"));

        await using var db = await pipeline.Db.OpenAsync(CancellationToken.None);
        var threads = (await db.QueryAsync<(string Id, string Status, string? Reason, string More)>(
            "SELECT thread_id, status, reason, more FROM threads ORDER BY thread_id")).ToList();
        Assert.Equal(["1d0aaa1", "1d0bbb2", "1d0ccc3", "1d0ddd4", "1d0eee5"], threads.Select(t => t.Id));
        Assert.Equal(("parsed", "[]"), (threads[0].Status, threads[0].More));
        Assert.Equal(("parsed", "[]"), (threads[1].Status, threads[1].More));
        Assert.All(threads.Skip(2), t => Assert.Equal("failed", t.Status));
        Assert.StartsWith("malformed page: malformed JSON", threads[2].Reason, StringComparison.Ordinal);
        Assert.Contains("unexpected kind 't5' in a comment tree", threads[3].Reason, StringComparison.Ordinal);
        Assert.Contains("t1 comment without an id", threads[4].Reason, StringComparison.Ordinal);

        Assert.Equal(["l1a0001", "l1a0002", "l1a0003", "l1a0004"],
            await db.QueryAsync<string>("SELECT reply_id FROM replies WHERE thread_id = '1d0aaa1' ORDER BY reply_id"));
        var pairs = (await db.QueryAsync<(string PairId, string Status, string? Reason, int Rank, bool Accepted, string SourceUrl)>(
            "SELECT pair_id, status, reason, rank, accepted, source_url FROM pairs ORDER BY pair_id")).ToList();
        Assert.Equal(
        [
            ("reddit:1d0aaa1:l1a0002:0", "candidate", null, 2, false),
            ("reddit:1d0aaa1:l1a0003:0", "candidate", null, 1, true),
            ("reddit:1d0bbb2:l1b0001:0", "candidate", null, 3, false),
            ("reddit:1d0bbb2:l1b0003:0", "candidate", null, 1, true),
            ("reddit:1d0bbb2:l1b0003:1", "candidate", null, 2, true),
        ], pairs.Select(p => (p.PairId, p.Status, p.Reason, p.Rank, p.Accepted)));
        Assert.Equal("https://preview.redd.it/g7r8a9d0p1h2o.jpg?width=2000&format=pjpg&auto=webp&s=6ff7e559228fd2f6ca8f709990a8b48b8478c383",
            pairs.Single(p => p.PairId == "reddit:1d0bbb2:l1b0003:1").SourceUrl);
        Assert.Equal(2, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM raw_page_parts WHERE thread_id = '1d0bbb2'"));
    }

    [Fact]
    public async Task Crawl_ResumesAtTheListingPageA429CutItShortOf_ThoughItKnowsThePageBefore()
    {
        await using var server = await RedditApiServer.StartAsync();
        const string Page2 = "/r/PhotoshopRequest/new.json?limit=100&raw_json=1&after=t3_1d0ddd4";
        server.RateLimitOnce[Page2] = true;
        using var pipeline = await TestPipeline.StartAsync(RedditSourceOptions.For(server));

        await CrawlAsync(pipeline);

        // The retry reads page 1 again, all known now, and still goes on to page 2: its thread is not lost.
        Assert.Equal(2, server.Count("GET " + Page2));
        Assert.All(["1d0aaa1", "1d0bbb2", "1d0ccc3", "1d0ddd4", "1d0eee5"], id => Assert.Equal(1, server.Count($"GET /comments/{id}.json")));
        await using var db = await pipeline.Db.OpenAsync(CancellationToken.None);
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM listing_cursors"));
    }

    [Fact]
    public async Task Crawl_DropsTheCursorOfAListingPageThatIsGone_SoLaterPassesAreNotHeldUpByIt()
    {
        await using var server = await RedditApiServer.StartAsync();
        const string Page2 = "/r/PhotoshopRequest/new.json?limit=100&raw_json=1&after=t3_1d0ddd4";
        server.RateLimitOnce[Page2] = true;
        using var pipeline = await TestPipeline.StartAsync(RedditSourceOptions.For(server));
        await pipeline.RunAsync(StageNames.Discover);
        server.NotFound[Page2] = true;

        await CrawlAsync(pipeline);
        pipeline.Time.Advance(TimeSpan.FromHours(2));
        await CrawlAsync(pipeline);

        // The 429, then the 404 that ends the cursor; the next passes stop at the known first page.
        Assert.Equal(2, server.Count("GET " + Page2));
        await using var db = await pipeline.Db.OpenAsync(CancellationToken.None);
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM listing_cursors"));
        Assert.Null(await db.ExecuteScalarAsync<string>("SELECT reason FROM sources"));
    }

    [Fact]
    public async Task Crawl_RunAgain_ChangesNothing_AndCostsOneConditionalRequestPerThread()
    {
        await using var server = await RedditApiServer.StartAsync();
        using var pipeline = await TestPipeline.StartAsync(RedditSourceOptions.For(server));
        await CrawlAsync(pipeline);
        var before = await CatalogStateAsync(pipeline);
        var requestsBefore = server.Requests.Count;

        pipeline.Time.Advance(TimeSpan.FromHours(1.5));
        await CrawlAsync(pipeline);

        Assert.Equal(before, await CatalogStateAsync(pipeline));
        var again = server.Requests.Skip(requestsBefore).ToList();
        Assert.Equal(5, again.Count(r => r.StartsWith("GET /comments/", StringComparison.Ordinal) && r.EndsWith(" If-None-Match", StringComparison.Ordinal)));
        Assert.DoesNotContain(again, r => r.StartsWith("GET /api/morechildren", StringComparison.Ordinal));
        Assert.Single(again, r => r.StartsWith("GET /r/PhotoshopRequest/new.json", StringComparison.Ordinal)); // page 1 is all known: stop
    }

    [Fact]
    public async Task Crawl_LeavesTheRestOfTheStubsListed_WhenTheMoreChildrenBudgetIsSpent()
    {
        await using var server = await RedditApiServer.StartAsync();
        using var pipeline = await TestPipeline.StartAsync(RedditSourceOptions.For(server, moreChildrenCalls: 1));

        await CrawlAsync(pipeline);

        await using var db = await pipeline.Db.OpenAsync(CancellationToken.None);
        Assert.Equal("[\"l1b0004\"]", await db.ExecuteScalarAsync<string>("SELECT more FROM threads WHERE thread_id = '1d0bbb2'"));
        Assert.Equal("1 hidden comments left for a later visit: the budget of 1 morechildren calls is spent",
            await db.ExecuteScalarAsync<string>("SELECT reason FROM frontier WHERE thread_id = '1d0bbb2'"));
        Assert.Equal("[]", await db.ExecuteScalarAsync<string>("SELECT more FROM threads WHERE thread_id = '1d0aaa1'"));
    }

    /// <summary>Runs the thread stages; a 429 defers discovery until its window resets, so the clock moves past it.</summary>
    private static async Task CrawlAsync(TestPipeline pipeline)
    {
        await pipeline.RunAsync(ThreadStages);
        pipeline.Time.Advance(TimeSpan.FromSeconds(8));
        await pipeline.RunAsync(ThreadStages);
    }

    private static async Task<string> CatalogStateAsync(TestPipeline pipeline)
    {
        await using var db = await pipeline.Db.OpenAsync(CancellationToken.None);
        var rows = new List<string>();
        rows.AddRange(await db.QueryAsync<string>("SELECT thread_id || '|' || status || '|' || COALESCE(reason, '') || '|' || title || '|' || images || '|' || more FROM threads ORDER BY thread_id"));
        rows.AddRange(await db.QueryAsync<string>("SELECT reply_id || '|' || COALESCE(parent_id, '') || '|' || score || '|' || body || '|' || images FROM replies ORDER BY reply_id"));
        rows.AddRange(await db.QueryAsync<string>("SELECT pair_id || '|' || status || '|' || COALESCE(reason, '') || '|' || rank || '|' || accepted || '|' || request_text FROM pairs ORDER BY pair_id"));
        rows.AddRange(await db.QueryAsync<string>("SELECT thread_id || '|' || blob_sha256 FROM raw_pages ORDER BY thread_id"));
        rows.AddRange(await db.QueryAsync<string>("SELECT thread_id || '|' || part || '|' || blob_sha256 FROM raw_page_parts ORDER BY thread_id, part"));
        rows.AddRange(await db.QueryAsync<string>("SELECT site || '|' || thread_id || '|' || url FROM frontier ORDER BY thread_id"));
        return string.Join("\n", rows);
    }
}
