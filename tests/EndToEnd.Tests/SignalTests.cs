using System.Globalization;
using Crawler.TestSupport;

namespace Crawler.EndToEnd.Tests;

/// <summary>
/// Ctrl+C (SIGINT) or SIGTERM mid-run stops demo and import-dump within seconds, with a non-zero exit and one
/// "stopped" line; run again, each finishes with exactly what an uninterrupted run gives.
/// </summary>
public sealed class SignalTests(SignalTests.UninterruptedRuns reference) : IClassFixture<SignalTests.UninterruptedRuns>
{
    private const int DemoThreads = 8;
    private const int DumpLines = 40_000;

    /// <summary>A hang guard only: stopping takes well under a second when nothing is wrong.</summary>
    private static readonly TimeSpan StopWithin = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(2, "SIGINT", 130)]
    [InlineData(15, "SIGTERM", 143)]
    public async Task Demo_StopsOnASignal_AndARerunMatchesAnUninterruptedRun(int signal, string name, int exitCode)
    {
        using var dir = new TempDir();
        using (var process = CrawlerProcess.Start(Demo(dir.Path), DemoSnapshot.FixedSalt))
        {
            await process.WaitForStderrAsync("Stage pair:", DemoSnapshot.Timeout);
            process.Signal(signal);
            await process.WaitForExitAsync(StopWithin);

            AssertStopped(process, name, exitCode);
        }
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "snapshots", "latest")), "the stopped run must not have published");

        var rerun = await CrawlerProcess.RunAsync(Demo(dir.Path), DemoSnapshot.Timeout, DemoSnapshot.FixedSalt);

        Assert.Equal(0, rerun.ExitCode);
        Assert.Equal(reference.DemoRows, DemoSnapshot.Contents(LastLine(rerun)));
    }

    [Theory]
    [InlineData(2, "SIGINT", 130)]
    [InlineData(15, "SIGTERM", 143)]
    public async Task ImportDump_StopsOnASignal_AndARerunMatchesAnUninterruptedRun(int signal, string name, int exitCode)
    {
        using var dir = new TempDir();
        using (var process = CrawlerProcess.Start(Import(dir.Path, reference.Dump)))
        {
            await WaitForFirstThreadsAsync(dir.Path, process);
            process.Signal(signal);
            await process.WaitForExitAsync(StopWithin);

            AssertStopped(process, name, exitCode);
            Assert.InRange(Threads(dir.Path), 1, DumpLines - 1);
        }

        var rerun = await CrawlerProcess.RunAsync(Import(dir.Path, reference.Dump), DemoSnapshot.Timeout);

        Assert.Equal(0, rerun.ExitCode);
        Assert.Equal(reference.ImportSummary, rerun.Stdout.Trim());
        Assert.Equal(reference.ImportedState, ImportedState(dir.Path));
    }

    private static void AssertStopped(CrawlerProcess process, string signal, int exitCode)
    {
        Assert.True(process.ExitCode == exitCode, $"exit code {process.ExitCode}. stderr:\n{process.Stderr}");
        Assert.Contains($": stopped by {signal}; what was done is kept", process.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", process.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Mid-run: the first batch of threads is committed, most of the dump is still unread.</summary>
    private static async Task WaitForFirstThreadsAsync(string dataDir, CrawlerProcess process)
    {
        var deadline = DateTime.UtcNow + DemoSnapshot.Timeout;
        while (!File.Exists(Path.Combine(dataDir, "catalog.db")) || Threads(dataDir) == 0)
        {
            Assert.False(process.HasExited, $"the import ended before it was signalled. stdout:\n{process.Stdout}\nstderr:\n{process.Stderr}");
            Assert.True(DateTime.UtcNow < deadline, "no thread was imported in time");
            await Task.Delay(20);
        }
    }

    private static long Threads(string dataDir)
    {
        try
        {
            return (long)Catalog.Query(dataDir, "SELECT COUNT(*) AS n FROM threads")[0]["n"]!;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0; // the schema is not there yet
        }
    }

    private static string ImportedState(string dataDir) => string.Join("\n",
        Catalog.Query(dataDir, "SELECT COUNT(*) AS n, MIN(thread_id) AS first, MAX(thread_id) AS last, SUM(length(title)) AS text FROM threads")
            .Concat(Catalog.Query(dataDir, "SELECT COUNT(*) AS n, MIN(url) AS first, MAX(url) AS last FROM frontier"))
            .Concat(Catalog.Query(dataDir, "SELECT stage, COUNT(*) AS n FROM work GROUP BY stage ORDER BY stage"))
            .Select(row => string.Join(", ", row.Select(kv => $"{kv.Key}={kv.Value}"))));

    private static string[] Demo(string dataDir) => ["demo", "--data-dir", dataDir, "--threads", DemoThreads.ToString(CultureInfo.InvariantCulture)];

    private static string[] Import(string dataDir, string dump) => ["import-dump", "--data-dir", dataDir, "--submissions", dump, "--subreddit", "PhotoshopRequest"];

    private static string LastLine(CrawlerProcess process) => process.Stdout.TrimEnd().Split('\n')[^1].Trim();

    /// <summary>What uninterrupted runs give, computed once for the class: a demo snapshot and an import.</summary>
    public sealed class UninterruptedRuns : IAsyncLifetime
    {
        private readonly TempDir _dir = new();

        public List<Dictionary<string, object?>> DemoRows { get; private set; } = [];

        /// <summary>A plain ndjson dump of submissions, large enough that an import lasts seconds.</summary>
        public string Dump => _dir.Combine("RS_synthetic.ndjson");

        public string ImportSummary { get; private set; } = "";

        public string ImportedState { get; private set; } = "";

        public async ValueTask InitializeAsync()
        {
            await File.WriteAllLinesAsync(Dump, Enumerable.Range(0, DumpLines).Select(Submission));
            DemoRows = DemoSnapshot.Contents(await DemoSnapshot.RunAsync(_dir.Combine("demo"), DemoThreads));
            var import = await CrawlerProcess.RunAsync(Import(_dir.Combine("import"), Dump), DemoSnapshot.Timeout);
            Assert.True(import.ExitCode == 0, $"import exited with {import.ExitCode}. stderr:\n{import.Stderr}");
            ImportSummary = import.Stdout.Trim();
            ImportedState = SignalTests.ImportedState(_dir.Combine("import"));
        }

        public ValueTask DisposeAsync()
        {
            _dir.Dispose();
            return ValueTask.CompletedTask;
        }

        private static string Submission(int i) => string.Create(CultureInfo.InvariantCulture,
            $$"""{"id":"s{{i:x6}}","title":"Please remove the person behind us {{i}}","selftext":"Thanks!","subreddit":"PhotoshopRequest","created_utc":{{1709254800 + i}},"author":"asker{{i % 977}}","url":"https://i.redd.it/p{{i:x6}}.jpg","permalink":"/r/PhotoshopRequest/comments/s{{i:x6}}/x/","over_18":false}""");
    }
}
