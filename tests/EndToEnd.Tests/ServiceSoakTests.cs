using Crawler.TestSupport;
using Crawler.Worker.Demo;

namespace Crawler.EndToEnd.Tests;

/// <summary>
/// The service as users run it (no verb: Hangfire running every stage on its own schedule) crawling the demo's
/// sample site, served from this process on loopback, until every thread is exported. Its final snapshot must
/// be the demo driver's, row for row, also when the service is killed with SIGKILL at random moments and
/// started again.
/// </summary>
public sealed class ServiceSoakTests
{
    private const int Threads = 64;
    private const int SigKill = 9;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Service_CrawlsTheSiteToTheEnd_WithTheDemosSnapshot()
    {
        var (expected, referencePairs) = await ReferenceAsync();
        await using var site = await SampleSiteServer.StartAsync(SampleSiteBuilder.Build(Threads), CancellationToken.None);
        using var dir = new TempDir();

        var actual = await RunToTheEndAsync(dir.Path, site.Address);

        SnapshotRows.AssertSame(expected, actual);
        AssertEveryThreadOnceAndEveryPairDecided(dir.Path, referencePairs);
    }

    [Fact]
    public async Task Service_KilledThreeTimesAtRandomMoments_EndsWithTheSameSnapshot_AndNoDuplicates()
    {
        var (expected, referencePairs) = await ReferenceAsync();
        await using var site = await SampleSiteServer.StartAsync(SampleSiteBuilder.Build(Threads), CancellationToken.None);
        using var dir = new TempDir();
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var moments = new List<int>();

        for (var kill = 0; kill < 3; kill++)
        {
            using var service = Start(dir.Path, site.Address);
            await service.WaitForStdoutAsync("Stage ", Patience);
            var after = random.Next(0, 8_000);
            moments.Add(after);
            await Task.Delay(after);
            service.Signal(SigKill);
            await service.WaitForExitAsync(TimeSpan.FromSeconds(30));
            Assert.NotEqual(0, service.ExitCode);
        }
        TestContext.Current.SendDiagnosticMessage($"seed {seed}: killed {string.Join(", ", moments)} ms after each start's first stage line");

        var actual = await RunToTheEndAsync(dir.Path, site.Address);

        SnapshotRows.AssertSame(expected, actual);
        AssertEveryThreadOnceAndEveryPairDecided(dir.Path, referencePairs);
    }

    /// <summary>The demo driver's snapshot and pair count for the same site: what the service must end with.</summary>
    private static async Task<(List<Dictionary<string, object?>> Rows, object? Pairs)> ReferenceAsync()
    {
        using var reference = new TempDir();
        var rows = DemoSnapshot.Contents(await DemoSnapshot.RunAsync(reference.Path, Threads));
        return (rows, Catalog.Query(reference.Path, "SELECT COUNT(*) AS n FROM pairs")[0]["n"]);
    }

    private static async Task<List<Dictionary<string, object?>>> RunToTheEndAsync(string dataDir, Uri site)
    {
        using var service = Start(dataDir, site);
        return DemoSnapshot.Contents(await ServiceRun.ToTheEndAsync(service, dataDir, Patience));
    }

    private static CrawlerProcess Start(string dataDir, Uri site) => CrawlerProcess.Start(
    [
        "--urls", $"http://127.0.0.1:{FreePort.Next()}", "--data-dir", dataDir,
        // The demo's source, after the shipped ones (at index 9, so a source shipped later does not lend it its
        // settings): the sample site reached on loopback, no politeness. The shipped Arctic Shift sources are
        // switched off, so only the demo's threads are crawled.
        "--Sources:0:Enabled=false", "--Sources:2:Enabled=false",
        "--Sources:9:Name=demo", "--Sources:9:Adapter=reddit-json", $"--Sources:9:BaseUrl={SampleSite.BaseUrl}",
        $"--Sources:9:Communities:0={RedditJsonWriter.Community}", "--Sources:9:Enabled=true", "--Sources:9:ListingPages=100",
        "--Sources:9:RevisitWindowHours=0", "--Sources:9:ExemptFromRobots=true", "--Sources:9:NoPoliteness=true",
        "--Fetch:AllowedNetworks:0=127.0.0.1/32", $"--Fetch:HostOverrides:{SampleSite.Host}=127.0.0.1:{site.Port}",
        // Exports every few seconds, so the test sees the end soon after it comes.
        "--Export:Cron=*/5 * * * * *",
    ], DemoSnapshot.FixedSalt);

    private static void AssertEveryThreadOnceAndEveryPairDecided(string dataDir, object? referencePairs)
    {
        var threads = Catalog.Query(dataDir, "SELECT COUNT(*) AS n, COUNT(DISTINCT thread_id) AS distinct_ids FROM threads")[0];
        Assert.Equal((long)Threads, threads["n"]);
        Assert.Equal((long)Threads, threads["distinct_ids"]);
        Assert.Equal(referencePairs, Catalog.Query(dataDir, "SELECT COUNT(*) AS n FROM pairs")[0]["n"]);
        Assert.Equal(0L, Catalog.Query(dataDir, "SELECT COUNT(*) AS n FROM pairs WHERE status = 'candidate'")[0]["n"]);
    }
}
