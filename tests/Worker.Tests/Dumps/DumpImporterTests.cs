using Crawler.Parsers.Reddit;
using Crawler.TestSupport;
using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Pipeline;
using Crawler.Worker.Sources;
using Crawler.Worker.Dumps;
using Dapper;
using ZstdSharp;

namespace Crawler.Worker.Tests.Dumps;

public sealed class DumpImporterTests
{
    private static readonly SourceOptions Source = DumpFiles.ImportSource;

    [Fact]
    public async Task Import_StreamsLongWindowZstd_FiltersBySubredditAndDate_AndJoinsCommentsToThreads()
    {
        using var dir = new TempDir();
        var (submissions, comments) = (DumpFiles.Compress(DumpFiles.Own("psr_RS_2024-03.ndjson"), dir), DumpFiles.Compress(DumpFiles.Own("psr_RC_2024-03.ndjson"), dir));
        Assert.Throws<ZstdException>(() => new DecompressionStream(File.OpenRead(submissions)).CopyTo(Stream.Null)); // what a default decoder says
        using var pipeline = await TestPipeline.StartAsync(Source);

        var result = await pipeline.Get<DumpImporter>().ImportAsync(March(submissions, comments), null, CancellationToken.None);

        Assert.Equal(
            (13L, 3L, 4L, 2L, 1L, 1L, 0L, 1L, 1L),
            (result.Lines, result.Threads, result.Replies, result.OtherCommunities, result.OutOfRange, result.DeletedInDump, result.AlreadyCrawled, result.WithoutThread, result.Malformed));
        Assert.StartsWith("psr_RS_2024-03.ndjson.zst:6: malformed JSON", Assert.Single(result.MalformedExamples), StringComparison.Ordinal);
        await using var db = await pipeline.Db.OpenAsync(CancellationToken.None);
        Assert.Equal(
            ["1e0aaa1|imported|https://oauth.reddit.com/comments/1e0aaa1.json?raw_json=1&limit=500", "1e0bbb2|imported|https://oauth.reddit.com/comments/1e0bbb2.json?raw_json=1&limit=500", "1e0fff6|imported|https://oauth.reddit.com/comments/1e0fff6.json?raw_json=1&limit=500"],
            await db.QueryAsync<string>("SELECT thread_id || '|' || status || '|' || url FROM frontier ORDER BY thread_id"));
        Assert.Equal(["kq0a001|1e0aaa1", "kq0a002|1e0aaa1", "kq0b001|1e0bbb2", "kq0f001|1e0fff6"],
            await db.QueryAsync<string>("SELECT reply_id || '|' || thread_id FROM replies ORDER BY reply_id"));
        Assert.Equal(["pair|reddit:1e0aaa1", "pair|reddit:1e0bbb2", "pair|reddit:1e0fff6", "deletion-sweep|reddit:1e0aaa1", "deletion-sweep|reddit:1e0bbb2", "deletion-sweep|reddit:1e0fff6"],
            await db.QueryAsync<string>("SELECT stage || '|' || item_key FROM work WHERE state = 'pending' AND not_before <= @now ORDER BY stage DESC, item_key",
                new { now = pipeline.Time.GetUtcNow().ToUnixTimeMilliseconds() }));
    }

    [Fact]
    public async Task Import_GivesThreadsThePairingStageCanPair()
    {
        using var dir = new TempDir();
        using var pipeline = await TestPipeline.StartAsync(Source);
        await pipeline.Get<DumpImporter>().ImportAsync(March(DumpFiles.Own("psr_RS_2024-03.ndjson"), DumpFiles.Own("psr_RC_2024-03.ndjson")), null, CancellationToken.None);

        await pipeline.RunAsync(StageNames.Pair);

        await using var db = await pipeline.Db.OpenAsync(CancellationToken.None);
        Assert.Equal(
            ["reddit:1e0aaa1:kq0a001:0|https://i.redd.it/q1w2e3r4t5y6u.jpg|https://i.imgur.com/L4mpG0n.jpg|1|1",
             "reddit:1e0bbb2:kq0b001:0|https://i.imgur.com/Gr4nDm4.jpg|https://i.imgur.com/C0l0r1z.png|1|0",
             "reddit:1e0fff6:kq0f001:0|https://i.redd.it/w3dd1ngw3dd1n.png|https://i.imgur.com/T34rF1x.png|1|0"],
            await db.QueryAsync<string>("SELECT pair_id || '|' || source_url || '|' || target_url || '|' || rank || '|' || accepted FROM pairs ORDER BY pair_id"));
    }

    [Fact]
    public async Task Import_Twice_ChangesNothing()
    {
        using var pipeline = await TestPipeline.StartAsync(Source);
        var importer = pipeline.Get<DumpImporter>();
        var request = March(DumpFiles.Own("psr_RS_2024-03.ndjson"), DumpFiles.Own("psr_RC_2024-03.ndjson"));
        var first = await importer.ImportAsync(request, null, CancellationToken.None);
        var before = await StateAsync(pipeline);

        var second = await importer.ImportAsync(request, null, CancellationToken.None);

        Assert.Equal(before, await StateAsync(pipeline));
        Assert.Equal(first.Summary(), second.Summary());
    }

    [Fact]
    public async Task Import_CountsLinesWhoseTextIsNotUnicodeAsMalformed_AndImportsTheRest()
    {
        using var dir = new TempDir();
        var lines = (await File.ReadAllLinesAsync(DumpFiles.Own("psr_RS_2024-03.ndjson"))).Select(System.Text.Encoding.UTF8.GetBytes).ToList();
        // A lone surrogate escape in one title, a byte that is not UTF-8 in another, each in a line of its own.
        var surrogate = System.Text.Encoding.UTF8.GetBytes("{\"id\":\"1e0zzz1\",\"title\":\"\\ud83d\",\"subreddit\":\"PhotoshopRequest\",\"created_utc\":1709254800}");
        var latin1 = System.Text.Encoding.Latin1.GetBytes("{\"id\":\"1e0zzz2\",\"title\":\"caf\u00e9\",\"subreddit\":\"PhotoshopRequest\",\"created_utc\":1709254800}");
        var path = dir.Combine("RS_bad_text.ndjson");
        await File.WriteAllBytesAsync(path, [.. lines[0], (byte)'\n', .. surrogate, (byte)'\n', .. latin1, (byte)'\n', .. lines[1], (byte)'\n']);
        using var pipeline = await TestPipeline.StartAsync(Source);

        var result = await pipeline.Get<DumpImporter>().ImportAsync(March(path, DumpFiles.Own("psr_RC_2024-03.ndjson")) with { Comments = [] }, null, CancellationToken.None);

        Assert.Equal((4L, 2L, 2L), (result.Lines, result.Threads, result.Malformed));
        Assert.Equal(
            ["RS_bad_text.ndjson:2: malformed JSON (byte 25): lone surrogate escape \\ud83d: half of a character, not text",
             "RS_bad_text.ndjson:3: malformed JSON (byte 28): invalid UTF-8 (0xE9): JSON text must be UTF-8"],
            result.MalformedExamples);
    }

    [Fact]
    public async Task Import_StopsAtACutOffZstdFile_WithTheReason_KeepingAndQueueingWhatCameBefore()
    {
        using var dir = new TempDir();
        var lines = await File.ReadAllLinesAsync(DumpFiles.Own("psr_RS_2024-03.ndjson"));
        // Lines of the one March thread first, then enough other text that the cut falls well after them.
        var plain = dir.Combine("RS_cut.ndjson");
        await File.WriteAllLinesAsync(plain, [lines[0], .. Enumerable.Repeat(lines[3], 2000)]);
        var compressed = DumpFiles.Compress(plain, dir);
        var bytes = await File.ReadAllBytesAsync(compressed);
        await File.WriteAllBytesAsync(compressed, bytes[..(bytes.Length - 8)]);
        using var pipeline = await TestPipeline.StartAsync(Source);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            pipeline.Get<DumpImporter>().ImportAsync(March(compressed, DumpFiles.Own("psr_RC_2024-03.ndjson")), null, CancellationToken.None));

        Assert.StartsWith("RS_cut.ndjson.zst breaks off after line ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("; the lines before it are imported", error.Message, StringComparison.Ordinal);
        await using var db = await pipeline.Db.OpenAsync(CancellationToken.None);
        Assert.Equal(["1e0aaa1"], await db.QueryAsync<string>("SELECT thread_id FROM threads"));
        Assert.Equal(["pair|reddit:1e0aaa1", "deletion-sweep|reddit:1e0aaa1"], await db.QueryAsync<string>("SELECT stage || '|' || item_key FROM work WHERE stage IN ('pair', 'deletion-sweep') ORDER BY stage DESC"));
    }

    [Fact]
    public async Task Import_OfACommentsFileThatBreaksOff_ReadAheadWhileSubmissionsAreImported_KeepsTheRepliesBeforeTheBreak()
    {
        using var dir = new TempDir();
        var lines = await File.ReadAllLinesAsync(DumpFiles.Own("psr_RC_2024-03.ndjson"));
        // The same comments over and over, so that the cut falls well after the first of them.
        var plain = dir.Combine("RC_cut.ndjson");
        await File.WriteAllLinesAsync(plain, Enumerable.Repeat(lines, 300).SelectMany(l => l));
        var compressed = DumpFiles.Compress(plain, dir);
        var bytes = await File.ReadAllBytesAsync(compressed);
        await File.WriteAllBytesAsync(compressed, bytes[..(bytes.Length - 8)]);
        using var pipeline = await TestPipeline.StartAsync(Source);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            pipeline.Get<DumpImporter>().ImportAsync(March(DumpFiles.Own("psr_RS_2024-03.ndjson"), compressed), null, CancellationToken.None));

        Assert.StartsWith("RC_cut.ndjson.zst breaks off after line ", error.Message, StringComparison.Ordinal);
        await using var db = await pipeline.Db.OpenAsync(CancellationToken.None);
        Assert.Equal(["kq0a001|1e0aaa1", "kq0a002|1e0aaa1", "kq0b001|1e0bbb2", "kq0f001|1e0fff6"],
            await db.QueryAsync<string>("SELECT reply_id || '|' || thread_id FROM replies ORDER BY reply_id"));
    }

    [Fact]
    public async Task Import_SkipsThreadsAlreadyCrawledLive()
    {
        using var pipeline = await TestPipeline.StartAsync(Source);
        await pipeline.Get<FrontierStore>().AddDiscoveredAsync([new FrontierEntry
        {
            Site = "reddit", ThreadId = "1e0aaa1", Source = Source.Name, Community = "PhotoshopRequest", Url = "https://oauth.reddit.com/comments/1e0aaa1.json",
        }], CancellationToken.None);

        var result = await pipeline.Get<DumpImporter>().ImportAsync(March(DumpFiles.Own("psr_RS_2024-03.ndjson"), DumpFiles.Own("psr_RC_2024-03.ndjson")), null, CancellationToken.None);

        Assert.Equal((2L, 1L, 2L, 3L), (result.Threads, result.AlreadyCrawled, result.Replies, result.WithoutThread));
    }

    [Fact]
    [SharedFixturesTrait]
    public async Task Import_ReadsARealPushshiftSubmissionsSample()
    {
        using var dir = new TempDir();
        var sample = DumpFiles.Compress(SharedFixtures.PathOf("dumps", "pushshift_dump__RS_2018-02-01__first50_submissions.ndjson"), dir);
        using var pipeline = await TestPipeline.StartAsync(Source);
        var progress = new List<DumpProgress>();

        var result = await pipeline.Get<DumpImporter>().ImportAsync(
            new DumpImportRequest([sample], [], ["MangaCollectors", "snapchatnude", "hmmm", "beetlejuicing"], null, null, Source.Name), new Progress(progress), CancellationToken.None);

        Assert.Equal((50L, 3L, 46L, 1L), (result.Lines, result.Threads, result.OtherCommunities, result.DeletedInDump));
        await using var db = await pipeline.Db.OpenAsync(CancellationToken.None);
        Assert.Equal(["7ueitj|0|[\"https://i.redd.it/w00ynzw6shd01.jpg\"]", "7ueitz|1|[\"https://i.imgur.com/Tp2x7Af.jpg\"]", "7ueiud|0|[\"https://i.redd.it/yij42ev7shd01.jpg\"]"],
            await db.QueryAsync<string>("SELECT thread_id || '|' || nsfw || '|' || images FROM threads ORDER BY thread_id"));
        Assert.Equal(new FileInfo(sample).Length, progress[^1].Position);
    }

    private static DumpImportRequest March(string submissions, string comments) => new(
        [submissions], [comments], ["PhotoshopRequest", "estoration"],
        DateTimeOffset.Parse("2024-03-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        DateTimeOffset.Parse("2024-04-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        Source.Name);

    private static async Task<string> StateAsync(TestPipeline pipeline)
    {
        await using var db = await pipeline.Db.OpenAsync(CancellationToken.None);
        var rows = new List<string>();
        rows.AddRange(await db.QueryAsync<string>("SELECT thread_id || '|' || status || '|' || title || '|' || images FROM threads ORDER BY thread_id"));
        rows.AddRange(await db.QueryAsync<string>("SELECT reply_id || '|' || thread_id || '|' || body FROM replies ORDER BY reply_id"));
        rows.AddRange(await db.QueryAsync<string>("SELECT thread_id || '|' || status || '|' || url FROM frontier ORDER BY thread_id"));
        rows.AddRange(await db.QueryAsync<string>("SELECT stage || '|' || item_key || '|' || state FROM work WHERE stage <> 'discover' ORDER BY stage, item_key"));
        return string.Join("\n", rows);
    }

    /// <summary>Collects reports synchronously (<see cref="Progress{T}"/> would post them to the thread pool).</summary>
    private sealed class Progress(List<DumpProgress> reports) : IProgress<DumpProgress>
    {
        public void Report(DumpProgress value) => reports.Add(value);
    }
}
