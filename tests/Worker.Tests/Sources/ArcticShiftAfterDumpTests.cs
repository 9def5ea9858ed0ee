using System.Globalization;
using System.Text.Json.Nodes;
using Crawler.Parsers.Reddit;
using Crawler.TestSupport;
using Crawler.Worker.Pipeline;
using Crawler.Worker.Sources;
using Crawler.Worker.Dumps;
using Crawler.Worker.Tests.Dumps;
using Dapper;
using static Crawler.Worker.Tests.Sources.ArcticShiftSourceOptions;

namespace Crawler.Worker.Tests.Sources;

/// <summary>A dump imported first, then the live archive over a time range that takes in the dump's posts too.</summary>
public sealed class ArcticShiftAfterDumpTests
{
    private static readonly SourceOptions DumpSource = DumpFiles.ImportSource;

    [Fact]
    public async Task LiveSource_GoesOnWhereTheDumpEnded_WithOneRowPerThread()
    {
        await using var server = await ArcticShiftServer.StartAsync();
        // The archive serves the dump's two March requests as well as April's.
        foreach (var line in File.ReadLines(DumpFiles.Own("psr_RS_2024-03.ndjson")).Where(l => l.Contains("\"id\":\"1e0aaa1\"", StringComparison.Ordinal) || l.Contains("\"id\":\"1e0bbb2\"", StringComparison.Ordinal)))
        {
            server.Archive(JsonNode.Parse(line)!.AsObject());
        }
        server.Load(Fixture("posts_pass1.json"));
        var live = For(server);
        live.StartDaysAgo = 60; // back to 24 February: the whole of the dump's March
        using var pipeline = await TestPipeline.StartAsync(DumpSource, live);
        await pipeline.Get<DumpImporter>().ImportAsync(new DumpImportRequest(
            [DumpFiles.Own("psr_RS_2024-03.ndjson")], [DumpFiles.Own("psr_RC_2024-03.ndjson")], ["PhotoshopRequest", "estoration"],
            DateTimeOffset.Parse("2024-03-01T00:00:00Z", CultureInfo.InvariantCulture), DateTimeOffset.Parse("2024-04-01T00:00:00Z", CultureInfo.InvariantCulture),
            DumpSource.Name), null, CancellationToken.None);

        await pipeline.RunAsync(StageNames.Discover, StageNames.FetchThread, StageNames.Parse, StageNames.Pair);

        // The first listing starts at the dump's newest PhotoshopRequest post (1e0bbb2, 15 March), which it skips.
        Assert.Equal("/api/posts/search?subreddit=PhotoshopRequest&after=1710460800&sort=asc&limit=100&fields=id,created_utc,subreddit",
            server.Requests.First(r => r.StartsWith("/api/posts/search", StringComparison.Ordinal)));
        Assert.Equal(0, server.Count("/api/posts/ids?ids=1e0"));
        await using var db = await pipeline.Db.OpenAsync(CancellationToken.None);
        Assert.Equal(["1c5aaa1|1", "1c5bbb2|1", "1c5ccc3|1", "1e0aaa1|1", "1e0bbb2|1", "1e0fff6|1"],
            await db.QueryAsync<string>("SELECT thread_id || '|' || COUNT(*) FROM threads GROUP BY site, thread_id ORDER BY thread_id"));
        Assert.Equal(["1c5aaa1|arctic-test", "1c5bbb2|arctic-test", "1c5ccc3|arctic-test", "1e0aaa1|reddit-psr", "1e0bbb2|reddit-psr", "1e0fff6|reddit-psr"],
            await db.QueryAsync<string>("SELECT thread_id || '|' || source FROM frontier ORDER BY thread_id"));
    }
}
