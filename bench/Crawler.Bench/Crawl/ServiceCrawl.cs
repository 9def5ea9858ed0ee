using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Crawler.Bench.Crawl;

/// <summary>
/// Ours: the service as users run it (no verb; Hangfire running the stages on their own schedules) with one
/// source reading the site on loopback, politeness off for that host, and the image stages paused, so what
/// runs is discover, fetch-thread, parse and pair, storing into the catalog. Done when every thread is paired.
/// </summary>
internal static class ServiceCrawl
{
    private const string Host = "bench.crawler.test";
    private static readonly string[] Paused = ["fetch-image", "embed", "dedup", "rewrite", "deletion-sweep"];

    public static CrawlRun Run(Uri site, int threads, string dataDir, TimeSpan patience)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in Arguments(site, dataDir))
        {
            start.ArgumentList.Add(arg);
        }
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the service");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var catalog = Path.Combine(dataDir, "catalog.db");
            while (!File.Exists(catalog) || Paired(catalog) < threads)
            {
                if (process.HasExited || clock.Elapsed > patience)
                {
                    lock (output)
                    {
                        throw new InvalidOperationException($"the service {(process.HasExited ? "exited" : "did not finish in time")}:\n{output}");
                    }
                }
                Thread.Sleep(200);
            }
            var elapsed = clock.Elapsed;
            return new CrawlRun(threads, elapsed, PeakRssMb(process.Id));
        }
        finally
        {
            Stop(process);
        }
    }

    private static IEnumerable<string> Arguments(Uri site, string dataDir)
    {
        var dll = Path.Combine(RepoPaths.Root, "src", "Worker", "bin", "Release", "net10.0", "crawler.dll");
        string[] args =
        [
            dll, "--urls", $"http://127.0.0.1:{FreePort.Next()}", "--data-dir", dataDir,
            // The shipped sources stay off (the Arctic Shift one is on by default); the benchmark's reads the whole site once.
            "--Sources:0:Enabled=false", "--Sources:1:Enabled=false", "--Sources:2:Enabled=false",
            "--Sources:9:Name=bench", "--Sources:9:Adapter=reddit-json", $"--Sources:9:BaseUrl=http://{Host}/",
            $"--Sources:9:Communities:0={RedditThreadSite.Community}", "--Sources:9:Enabled=true", "--Sources:9:ListingPages=100",
            "--Sources:9:RevisitWindowHours=0", "--Sources:9:MoreChildrenCalls=0", "--Sources:9:ExemptFromRobots=true",
            "--Sources:9:NoPoliteness=true",
            "--Fetch:AllowedNetworks:0=127.0.0.1/32", $"--Fetch:HostOverrides:{Host}=127.0.0.1:{site.Port}",
            "--Export:Cron=0 0 1 1 *", "--Logging:LogLevel:Default=Warning",
        ];
        return args.Concat(Paused.Select(stage => $"--Pipeline:Schedules:{stage}=off"));
    }

    private static long Paired(string catalog)
    {
        try
        {
            using var connection = new SqliteConnection($"Data Source={catalog};Mode=ReadOnly");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM work WHERE stage = 'pair' AND state = 'done'";
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return 0; // not migrated yet, or busy: asked again shortly
        }
    }

    /// <summary>The process's high-water mark of resident memory (VmHWM), read before it is stopped.</summary>
    private static double PeakRssMb(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    private static void Stop(Process process)
    {
        if (process.HasExited)
        {
            return;
        }
        // SIGTERM: the service stops cleanly (its leases and WAL in order) before the next run starts.
        Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
        }
    }
}
