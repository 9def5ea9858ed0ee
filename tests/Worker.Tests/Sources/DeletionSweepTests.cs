using Crawler.Core.Domain;
using Crawler.Worker.Catalog.Work;
using System.Text.Json.Nodes;
using Crawler.TestSupport;
using Crawler.Worker.Blobs;
using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Pipeline;
using Dapper;

namespace Crawler.Worker.Tests.Sources;

/// <summary>The deletion sweep against Reddit's <c>/api/info</c> on loopback, after a crawl whose revisit window has closed.</summary>
public sealed class DeletionSweepTests
{
    private static readonly float[] AnyVector = [1f, 0f];

    private static readonly string[] ThreadStages = [StageNames.Discover, StageNames.FetchThread, StageNames.Parse, StageNames.Pair];

    [Fact]
    public async Task Sweep_MarksDeletedRemovedAndVanishedThings_AndPurgesTheirPagesAndImages()
    {
        await using var server = await RedditApiServer.StartAsync();
        var source = RedditSourceOptions.For(server);
        source.RevisitWindowHours = 0;
        using var pipeline = await TestPipeline.StartAsync(source);
        await pipeline.RunAsync(ThreadStages);
        var images = await FetchImagesAsync(pipeline);
        // Embedded and clustered as the dedup stage would have done, B's photo taken for a repost of A's.
        var (originalA, originalB) = (images[await OriginalOfAsync(pipeline, "1d0aaa1")], images[await OriginalOfAsync(pipeline, "1d0bbb2")]);
        await pipeline.Get<EmbeddingStore>().PutAsync(images.Values.Distinct().Select(sha => (sha, AnyVector)), "model", CancellationToken.None);
        foreach (var sha in images.Values.Distinct())
        {
            await pipeline.Get<ClusterStore>().AssignAsync(sha, "model", sha == originalB ? originalA : sha, 1.0, CancellationToken.None);
        }
        await using (var seeded = await pipeline.Db.OpenAsync(CancellationToken.None))
        {
            await seeded.ExecuteAsync("UPDATE work SET state = 'done' WHERE stage = 'dedup'"); // every pair decided
        }
        // What Reddit says a week later: the author deleted request A; a moderator removed edit l1b0001; C is gone entirely.
        server.InfoThings["t3_1d0aaa1"] = Thing("comments_1d0aaa1.json", "1d0aaa1", t => { t["selftext"] = "[deleted]"; t["author"] = "[deleted]"; t["removed_by_category"] = "deleted"; });
        server.InfoThings["t1_l1a0002"] = Thing("comments_1d0aaa1.json", "l1a0002");
        server.InfoThings["t1_l1a0003"] = Thing("morechildren_1d0aaa1.json", "l1a0003");
        server.InfoThings["t3_1d0bbb2"] = Thing("comments_1d0bbb2.json", "1d0bbb2");
        server.InfoThings["t1_l1b0001"] = Thing("comments_1d0bbb2.json", "l1b0001", t => t["body"] = "[removed]");
        server.InfoThings["t1_l1b0003"] = Thing("morechildren_1d0bbb2.json", "l1b0003");
        server.InfoThings["t3_1d0ddd4"] = Thing("comments_1d0ddd4.json", "1d0ddd4");
        server.InfoThings["t3_1d0eee5"] = Thing("comments_1d0eee5.json", "1d0eee5");

        Assert.Equal(0, await pipeline.RunAsync(StageNames.DeletionSweep)); // not due before the sweep interval
        pipeline.Time.Advance(TimeSpan.FromHours(source.DeletionSweepHours + 1));
        Assert.Equal(5, await pipeline.RunAsync(StageNames.DeletionSweep));

        var info = Assert.Single(server.Requests, r => r.StartsWith("GET /api/info", StringComparison.Ordinal));
        Assert.Equal(["t1_l1a0002", "t1_l1a0003", "t1_l1b0001", "t1_l1b0003", "t3_1d0aaa1", "t3_1d0bbb2", "t3_1d0ccc3", "t3_1d0ddd4", "t3_1d0eee5"],
            info["GET /api/info?id=".Length..].Split('&')[0].Split(',').Order(StringComparer.Ordinal));
        await using var db = await pipeline.Db.OpenAsync(CancellationToken.None);
        Assert.Equal(["reply:l1b0001:sweep", "thread:1d0aaa1:sweep", "thread:1d0ccc3:sweep"],
            await db.QueryAsync<string>("SELECT kind || ':' || key || ':' || origin FROM deletions ORDER BY kind, key"));
        Assert.Equal((true, ""), await db.QuerySingleAsync<(bool, string)>("SELECT deleted, body FROM threads WHERE thread_id = '1d0aaa1'"));
        Assert.Equal((true, "", "[]"), await db.QuerySingleAsync<(bool, string, string)>("SELECT deleted, body, images FROM replies WHERE reply_id = 'l1b0001'"));
        Assert.Equal(["1d0ddd4", "1d0eee5"], await db.QueryAsync<string>("SELECT thread_id FROM raw_pages ORDER BY thread_id"));
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM raw_page_parts"));

        var blobs = pipeline.Get<BlobStore>();
        Assert.False(blobs.Exists(images["https://i.redd.it/a1b2c3d4e5f6g.jpg"]));
        Assert.False(blobs.Exists(images["https://i.imgur.com/Sun5etA.jpg"]));
        Assert.False(blobs.Exists(images["https://preview.redd.it/t1h2u3m4b5x6y.jpeg?width=2000&format=pjpg&auto=webp&s=645e51d2561fb525676e23d561dba11affbd30c6"]));
        Assert.True(blobs.Exists(images["https://i.imgur.com/B0thFix.png"]));
        Assert.True(blobs.Exists(images["https://preview.redd.it/g1r2a3d4p5h6o.jpg?width=2000&format=pjpg&auto=webp&s=92c52e2282591778d2a3cb111fe4790bea33a61d"]), "the original is still used by a live edit");
        Assert.Equal("purged: deleted at the source", await db.ExecuteScalarAsync<string>(
            "SELECT reason FROM image_urls WHERE url = 'https://i.imgur.com/Sun5etA.jpg'"));
        // Only the pictures still in use keep their embeddings and cluster places.
        var kept = images.Values.Where(blobs.Exists).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(kept, await db.QueryAsync<string>("SELECT sha256 FROM embeddings ORDER BY sha256"));
        Assert.Equal(kept, await db.QueryAsync<string>("SELECT sha256 FROM original_clusters ORDER BY sha256"));
        Assert.True(kept.Count < images.Values.Distinct().Count());
        // A's photo is gone, so the pairs on B's first photo go back to dedup: B may now be its first post. (l1b0001
        // was live when A was swept; its removal came after, and dedup passes over a dropped pair. l1b0003:1 edits
        // B's second photo, in no cluster with A's.)
        Assert.Equal(["reddit:1d0bbb2:l1b0001:0", "reddit:1d0bbb2:l1b0003:0"],
            await db.QueryAsync<string>("SELECT item_key FROM work WHERE stage = 'dedup' AND state = 'pending' ORDER BY item_key"));

        Assert.Equal(["reddit:1d0aaa1:l1a0002:0", "reddit:1d0aaa1:l1a0003:0", "reddit:1d0bbb2:l1b0001:0"],
            await db.QueryAsync<string>("SELECT pair_id FROM pairs WHERE status = 'dropped' AND reason = 'deleted at the source' ORDER BY pair_id"));
        var pending = await db.QueryAsync<string>("SELECT item_key FROM work WHERE stage = 'deletion-sweep' AND state = 'pending' ORDER BY item_key");
        Assert.Equal(["reddit:1d0bbb2", "reddit:1d0ddd4", "reddit:1d0eee5"], pending);
    }

    [Fact]
    public async Task Sweep_AsksAtMostOneHundredFullnamesACall_AndWaitsOutA429WithoutSpendingAnAttempt()
    {
        await using var server = await RedditApiServer.StartAsync();
        var source = RedditSourceOptions.For(server);
        using var pipeline = await TestPipeline.StartAsync(source);
        await SeedThreadWithEditsAsync(pipeline, "1zzz999", edits: 150);
        await pipeline.Get<WorkQueue>().EnqueueAsync(StageNames.DeletionSweep, [("reddit:1zzz999", "")]);
        server.InfoThings["t3_1zzz999"] = Thing("comments_1d0aaa1.json", "1d0aaa1", t => t["id"] = "1zzz999");
        server.RateLimitOnce["/api/info"] = true;

        await pipeline.RunAsync(StageNames.DeletionSweep);
        await using (var db = await pipeline.Db.OpenAsync(CancellationToken.None))
        {
            var (attempts, reason) = await db.QuerySingleAsync<(int, string)>("SELECT attempts, reason FROM work WHERE stage = 'deletion-sweep'");
            Assert.Equal(0, attempts);
            Assert.StartsWith("rate limited (HTTP 429", reason, StringComparison.Ordinal);
        }
        pipeline.Time.Advance(TimeSpan.FromSeconds(8));
        await pipeline.RunAsync(StageNames.DeletionSweep);

        var calls = server.Requests.Where(r => r.StartsWith("GET /api/info", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, calls.Count); // the refused one, then two of 100 and 51
        Assert.Equal([100, 51], calls.Skip(1).Select(c => c.Split('=')[1].Split('&')[0].Split(',').Length));
        await using var after = await pipeline.Db.OpenAsync(CancellationToken.None);
        // The thread is served, its edits are not: Reddit no longer has them.
        Assert.Equal(150, await after.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM deletions WHERE kind = 'reply' AND origin = 'sweep'"));
        Assert.Equal(0, await after.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM deletions WHERE kind = 'thread'"));
    }

    [Fact]
    public async Task Sweep_WaitsForAThreadStillBeingPaired()
    {
        await using var server = await RedditApiServer.StartAsync();
        using var pipeline = await TestPipeline.StartAsync(RedditSourceOptions.For(server));
        await SeedThreadWithEditsAsync(pipeline, "1zzz999", edits: 1);
        var queue = pipeline.Get<WorkQueue>();
        await queue.EnqueueAsync(StageNames.Pair, [("reddit:1zzz999", "")]);
        await queue.EnqueueAsync(StageNames.DeletionSweep, [("reddit:1zzz999", "")]);

        await pipeline.RunAsync(StageNames.DeletionSweep);

        Assert.DoesNotContain(server.Requests, r => r.StartsWith("GET /api/info", StringComparison.Ordinal));
        await using var db = await pipeline.Db.OpenAsync(CancellationToken.None);
        Assert.Equal(("pending", "waiting for the thread to be paired"),
            await db.QuerySingleAsync<(string, string)>("SELECT state, reason FROM work WHERE stage = 'deletion-sweep'"));
    }

    /// <summary>Plays the fetch-image stage for every pair's images: real JPEG bytes stored and recorded under their URLs.</summary>
    private static async Task<string> OriginalOfAsync(TestPipeline pipeline, string threadId)
    {
        await using var db = await pipeline.Db.OpenAsync(CancellationToken.None);
        return await db.QueryFirstAsync<string>("SELECT source_url FROM pairs WHERE thread_id = @threadId", new { threadId });
    }

    private static async Task<Dictionary<string, string>> FetchImagesAsync(TestPipeline pipeline)
    {
        await using var db = await pipeline.Db.OpenAsync(CancellationToken.None);
        var urls = (await db.QueryAsync<string>("SELECT source_url FROM pairs UNION SELECT target_url FROM pairs")).ToList();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < urls.Count; i++)
        {
            using var image = NetVips.Image.Black(16, 16) + (i * 10);
            var bytes = image.Cast(NetVips.Enums.BandFormat.Uchar).JpegsaveBuffer();
            var sha = await pipeline.Get<BlobStore>().PutAsync(bytes, CancellationToken.None);
            await pipeline.Get<ImageStore>().RecordFetchedAsync(urls[i], new ImageRow
            {
                Sha256 = sha, Format = "jpeg", Width = 16, Height = 16, Frames = 1, Bytes = bytes.Length, Status = ImageStore.Ok,
            }, 200, null, null, CancellationToken.None);
            result[urls[i]] = sha;
        }
        return result;
    }

    private static async Task SeedThreadWithEditsAsync(TestPipeline pipeline, string threadId, int edits)
    {
        await pipeline.Get<FrontierStore>().AddDiscoveredAsync([new FrontierEntry
        {
            Site = "reddit", ThreadId = threadId, Source = "reddit-test", Community = "PhotoshopRequest", Url = $"https://oauth.reddit.com/comments/{threadId}.json",
        }], CancellationToken.None);
        var replies = Enumerable.Range(0, edits)
            .Select(i => new Core.Domain.ParsedReply($"e{i:D3}", threadId, $"editor{i}", 1, 1, "", false, [$"https://i.imgur.com/edit{i:D3}.jpg"]))
            .ToList();
        var thread = new Core.Domain.ParsedThread(threadId, "PhotoshopRequest", "Fix it", "", "op", 1, null, false, false, ["https://i.redd.it/orig.jpg"], replies, []);
        await pipeline.Get<ThreadStore>().SaveAsync("reddit", "reddit-test", thread, CancellationToken.None);
        var candidates = Parsers.Reddit.RedditPairing.Pair(thread, new Parsers.Reddit.RedditPairingOptions()).Candidates;
        await pipeline.Get<PairStore>().SaveCandidatesAsync(new ThreadRef("reddit", threadId), candidates, CancellationToken.None);
    }

    /// <summary>A thing from a fixture file as <c>/api/info</c> would return it now, after <paramref name="change"/>.</summary>
    private static JsonObject Thing(string file, string id, Action<JsonObject>? change = null)
    {
        var found = Find(JsonNode.Parse(File.ReadAllText(RepoPaths.OwnFixture("reddit-api", file)))!, id)
            ?? throw new InvalidOperationException($"{id} is not in {file}");
        var copy = (JsonObject)found.DeepClone();
        copy["replies"] = "";
        change?.Invoke(copy);
        return copy;
    }

    private static JsonObject? Find(JsonNode node, string id) => node switch
    {
        JsonObject o when o["kind"] is not null && o["data"] is JsonObject data && (string?)data["id"] == id && (string?)o["kind"] != "more" => data,
        JsonObject o => o.Select(p => p.Value is null ? null : Find(p.Value, id)).FirstOrDefault(f => f is not null),
        JsonArray a => a.Select(n => n is null ? null : Find(n, id)).FirstOrDefault(f => f is not null),
        _ => null,
    };
}
