using System.Globalization;
using Crawler.TestSupport;

namespace Crawler.EndToEnd.Tests;

/// <summary>Waits for a running service to finish what its sources hold: no work due, and a snapshot published after that.</summary>
internal static class ServiceRun
{
    private const int SigTerm = 15;

    /// <summary>Stops the service with SIGTERM once it is idle and has published a snapshot since; returns that snapshot's folder.</summary>
    public static async Task<string> ToTheEndAsync(CrawlerProcess service, string dataDir, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
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
                return snapshot;
            }
        }
    }

    /// <summary>
    /// Work any stage could do now (the deletion sweep's items wait for days, and do not count); a catalog the
    /// service is still creating (the file there, its tables not yet) counts as work to come.
    /// </summary>
    private static long DueWork(string dataDir)
    {
        try
        {
            // Undecided pairs count too: dedup defers a pair whose images are not all in yet, so no work is due
            // for a moment while they are still coming.
            return (long)Catalog.Query(dataDir, string.Create(CultureInfo.InvariantCulture,
                $"SELECT (SELECT COUNT(*) FROM work WHERE state = 'pending' AND not_before <= {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}) + (SELECT COUNT(*) FROM pairs WHERE status = 'candidate') AS n"))[0]["n"]!;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 1;
        }
    }

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
}
