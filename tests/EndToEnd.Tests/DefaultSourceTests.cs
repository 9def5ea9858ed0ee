using Crawler.TestSupport;

namespace Crawler.EndToEnd.Tests;

/// <summary>
/// The service with the shipped configuration, the README's first command: it crawls Arctic Shift with no
/// settings. Here the archive's host leads to a loopback server holding requests of two days ago.
/// </summary>
public sealed class DefaultSourceTests
{
    private const int SigTerm = 15;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Service_WithTheShippedConfiguration_DiscoversAndParsesThreadsFromArcticShift()
    {
        await using var archive = await ArcticShiftServer.StartAsync();
        // The saved requests were posted on 22 April 2024; moved to two days ago, inside the default 30 days.
        var shift = DateTimeOffset.UtcNow.AddDays(-2).ToUnixTimeSeconds() - 1713747600;
        archive.Load(Fixture("posts_pass1.json"), shift);
        archive.Load(Fixture("comments_pass1.json"), shift);
        using var dir = new TempDir();

        using var service = CrawlerProcess.Start(
        [
            "--urls", $"http://127.0.0.1:{FreePort.Next()}", "--data-dir", dir.Path,
            // Loopback has no certificate a client would trust, so the archive's host is reached over plain HTTP.
            "--Sources:0:BaseUrl=http://arctic-shift.photon-reddit.com/",
            "--Fetch:AllowedNetworks:0=127.0.0.1/32", $"--Fetch:HostOverrides:arctic-shift.photon-reddit.com=127.0.0.1:{archive.Port}",
        ]);
        await service.WaitForStdoutAsync("Stage ", Patience); // the catalog is migrated by then
        var parsed = await WaitForParsedThreadsAsync(dir.Path, 3, service);
        service.Signal(SigTerm);
        await service.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["1c5aaa1", "1c5bbb2", "1c5ccc3"], parsed);
        Assert.Equal(["arctic-shift"], Catalog.Query(dir.Path, "SELECT DISTINCT source FROM frontier").Select(r => (string)r["source"]!));
        Assert.Contains(archive.Requests, r => r.StartsWith("/api/posts/search?subreddit=estoration&", StringComparison.Ordinal));
        Assert.DoesNotContain(Worker.Sources.NoSourceWarning.Message, service.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, service.ExitCode);
    }

    private static string Fixture(string name) => Path.Combine(RepoPaths.Root, "tests", "Worker.Tests", "Fixtures", "arctic-shift", name);

    private static async Task<List<string>> WaitForParsedThreadsAsync(string dataDir, int count, CrawlerProcess service)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            Assert.False(service.HasExited, $"the service exited. output:\n{service.Stdout}\n{service.Stderr}");
            var parsed = Catalog.Query(dataDir, "SELECT thread_id FROM threads WHERE status = 'parsed' ORDER BY thread_id").Select(r => (string)r["thread_id"]!).ToList();
            if (parsed.Count >= count || DateTime.UtcNow > deadline)
            {
                return parsed;
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }
}
