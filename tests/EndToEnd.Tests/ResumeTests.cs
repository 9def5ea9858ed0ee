using Crawler.TestSupport;

namespace Crawler.EndToEnd.Tests;

/// <summary>A demo killed with SIGKILL and run again ends with exactly the snapshot of an uninterrupted run.</summary>
public sealed class ResumeTests
{
    private const int Threads = 8;
    private const int SigKill = 9;

    [Theory]
    [InlineData("Stage fetch-thread:")]
    [InlineData("Stage pair:")]
    [InlineData("Stage fetch-image:")]
    [InlineData("Stage dedup:")]
    public async Task Demo_KilledAfterAStageAndRerun_MatchesUninterruptedRun(string killAfter)
    {
        using var reference = new TempDir();
        var expected = DemoSnapshot.Contents(await DemoSnapshot.RunAsync(reference.Path, Threads));

        using var interrupted = new TempDir();
        using (var process = CrawlerProcess.Start(["demo", "--data-dir", interrupted.Path, "--threads", $"{Threads}"], DemoSnapshot.FixedSalt))
        {
            await process.WaitForStderrAsync(killAfter, DemoSnapshot.Timeout);
            process.Signal(SigKill);
            await process.WaitForExitAsync(TimeSpan.FromSeconds(30));
            Assert.NotEqual(0, process.ExitCode);
        }
        Assert.False(Directory.Exists(Path.Combine(interrupted.Path, "snapshots", "latest")), "the killed run must not have published");

        var actual = DemoSnapshot.Contents(await DemoSnapshot.RunAsync(interrupted.Path, Threads));

        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], actual[i]);
        }
        // No duplicates crept into the catalog either: one row per pair, one per image URL.
        Assert.Equal(
            Catalog.Query(reference.Path, "SELECT COUNT(*) AS n FROM pairs")[0]["n"],
            Catalog.Query(interrupted.Path, "SELECT COUNT(*) AS n FROM pairs")[0]["n"]);
    }
}
