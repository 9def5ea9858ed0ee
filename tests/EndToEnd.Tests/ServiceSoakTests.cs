using System.Globalization;
using System.Text.Json;
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
    private const int SigTerm = 15;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Service_CrawlsTheSiteToTheEnd_WithTheDemosSnapshot()
    {
        var (expected, referencePairs) = await ReferenceAsync();
        await using var site = await SampleSiteServer.StartAsync(SampleSiteBuilder.Build(Threads), CancellationToken.None);
        using var dir = new TempDir();

        var actual = await RunToTheEndAsync(dir.Path, site.Address);

        AssertSameSnapshot(expected, actual);
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

        AssertSameSnapshot(expected, actual);
        AssertEveryThreadOnceAndEveryPairDecided(dir.Path, referencePairs);
    }

    /// <summary>The demo driver's snapshot and pair count for the same site: what the service must end with.</summary>
    private static async Task<(List<Dictionary<string, object?>> Rows, object? Pairs)> ReferenceAsync()
    {
        using var reference = new TempDir();
        var rows = DemoSnapshot.Contents(await DemoSnapshot.RunAsync(reference.Path, Threads));
        return (rows, Catalog.Query(reference.Path, "SELECT COUNT(*) AS n FROM pairs")[0]["n"]);
    }

    /// <summary>Starts the service and waits until no work is due and a snapshot was published after that; stops it with SIGTERM.</summary>
    private static async Task<List<Dictionary<string, object?>>> RunToTheEndAsync(string dataDir, Uri site)
    {
        using var service = Start(dataDir, site);
        var deadline = DateTime.UtcNow + Patience;
        HashSet<string>? publishedBeforeIdle = null;
        while (true)
        {
            Assert.False(service.HasExited, $"the service exited. output:\n{service.Stdout}");
            Assert.True(DateTime.UtcNow < deadline, $"the service did not finish the site in time. output:\n{service.Stdout}");
            await Task.Delay(1000);
            if (!File.Exists(Path.Combine(dataDir, "catalog.db")) || DueWork(dataDir) > 0)
            {
                publishedBeforeIdle = null;
                continue;
            }
            publishedBeforeIdle ??= Snapshots(dataDir);
            if (LatestSnapshot(dataDir) is { } snapshot && !publishedBeforeIdle.Contains(snapshot))
            {
                service.Signal(SigTerm);
                await service.WaitForExitAsync(TimeSpan.FromSeconds(60));
                Assert.Equal(0, service.ExitCode);
                TestContext.Current.SendDiagnosticMessage(service.Stdout);
                return DemoSnapshot.Contents(snapshot);
            }
        }
    }

    private static CrawlerProcess Start(string dataDir, Uri site) => CrawlerProcess.Start(
    [
        "--urls", $"http://127.0.0.1:{FreePort.Next()}", "--data-dir", dataDir,
        // The demo's source, after the shipped two: the sample site reached on loopback, no politeness. The shipped
        // Arctic Shift source is switched off, so only the demo's threads are crawled.
        "--Sources:0:Enabled=false", "--Sources:2:Enabled=false",
        "--Sources:3:Name=demo", "--Sources:3:Adapter=reddit-json", $"--Sources:3:BaseUrl={SampleSite.BaseUrl}",
        $"--Sources:3:Communities:0={RedditJsonWriter.Community}", "--Sources:3:Enabled=true", "--Sources:3:ListingPages=100",
        "--Sources:3:RevisitWindowHours=0", "--Sources:3:ExemptFromRobots=true", "--Sources:3:NoPoliteness=true",
        "--Fetch:AllowedNetworks:0=127.0.0.1/32", $"--Fetch:HostOverrides:{SampleSite.Host}=127.0.0.1:{site.Port}",
        // Exports every few seconds, so the test sees the end soon after it comes.
        "--Export:Cron=*/5 * * * * *",
    ], DemoSnapshot.FixedSalt);

    /// <summary>Work any stage could do now (the deletion sweep's items wait for days, and do not count).</summary>
    private static long DueWork(string dataDir) => (long)Catalog.Query(dataDir, string.Create(CultureInfo.InvariantCulture,
        $"SELECT COUNT(*) AS n FROM work WHERE state = 'pending' AND not_before <= {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}"))[0]["n"]!;

    private static HashSet<string> Snapshots(string dataDir)
    {
        var root = Path.Combine(dataDir, "snapshots");
        return Directory.Exists(root) ? [.. Directory.GetDirectories(root).Select(Path.GetFullPath)] : [];
    }

    private static string? LatestSnapshot(string dataDir)
    {
        var latest = new DirectoryInfo(Path.Combine(dataDir, "snapshots", "latest"));
        return latest.Exists && latest.ResolveLinkTarget(true) is { } target && File.Exists(Path.Combine(target.FullName, "manifest.json"))
            ? Path.GetFullPath(target.FullName)
            : null;
    }

    private static void AssertSameSnapshot(List<Dictionary<string, object?>> expected, List<Dictionary<string, object?>> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(actual.Count, actual.Select(r => (string)r["id"]!).Distinct().Count());
        for (var i = 0; i < expected.Count; i++)
        {
            // Name the columns that differ: the rows are too wide for the assertion's own message to show them.
            var row = i;
            string Text(Dictionary<string, object?> r, string k) => JsonSerializer.Serialize(r.GetValueOrDefault(k));
            var differing = expected[i].Keys.Where(k => Text(expected[row], k) != Text(actual[row], k))
                .Select(k => $"{k}: expected {Text(expected[row], k)}, got {Text(actual[row], k)}").ToList();
            Assert.True(differing.Count == 0, $"row {expected[i]["id"]}: {string.Join("; ", differing)}");
            Assert.Equal(expected[i].Keys.Order(), actual[i].Keys.Order());
        }
    }

    private static void AssertEveryThreadOnceAndEveryPairDecided(string dataDir, object? referencePairs)
    {
        var threads = Catalog.Query(dataDir, "SELECT COUNT(*) AS n, COUNT(DISTINCT thread_id) AS distinct_ids FROM threads")[0];
        Assert.Equal((long)Threads, threads["n"]);
        Assert.Equal((long)Threads, threads["distinct_ids"]);
        Assert.Equal(referencePairs, Catalog.Query(dataDir, "SELECT COUNT(*) AS n FROM pairs")[0]["n"]);
        Assert.Equal(0L, Catalog.Query(dataDir, "SELECT COUNT(*) AS n FROM pairs WHERE status = 'candidate'")[0]["n"]);
    }
}
