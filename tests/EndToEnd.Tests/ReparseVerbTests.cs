using System.Globalization;
using Crawler.TestSupport;

namespace Crawler.EndToEnd.Tests;

/// <summary>The <c>reparse</c> verb of the real executable: its argument check, and a reparse of a demo crawl.</summary>
public sealed class ReparseVerbTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The demo's source as configuration: the demo verb configures it in its own process only, and a thread
    /// whose source is not configured cannot be parsed. Disabled, so nothing is discovered or fetched.
    /// </summary>
    private static readonly Dictionary<string, string> DemoSource = new(DemoSnapshot.FixedSalt)
    {
        ["CRAWLER_Sources__9__Name"] = "demo",
        ["CRAWLER_Sources__9__Adapter"] = "reddit-json",
        ["CRAWLER_Sources__9__BaseUrl"] = "http://sample.crawler.test/",
        ["CRAWLER_Sources__9__Communities__0"] = "PhotoshopRequest",
        ["CRAWLER_Sources__9__Enabled"] = "false",
    };

    [Fact]
    public async Task Reparse_RefusesASinceThatIsNotADate_BeforeTouchingTheDataDirectory()
    {
        using var dir = new TempDir();

        var process = await CrawlerProcess.RunAsync(["reparse", "--data-dir", dir.Path, "--since", "last tuesday"], Timeout);

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("crawler reparse: --since 'last tuesday' is not a date (e.g. 2026-11-01)", process.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir.Path, "catalog.db")), "a refused command opens no catalog");
    }

    [Fact]
    public async Task Reparse_OfAnUnchangedDemoCrawl_ParsesEveryThreadAgain_AndWritesNoPair()
    {
        using var dir = new TempDir();
        await DemoSnapshot.RunAsync(dir.Path, threads: 8);
        const string pairsSql = "SELECT pair_id, status, reason, updated_at FROM pairs ORDER BY pair_id";
        var before = Catalog.Query(dir.Path, pairsSql);
        var threads = Convert.ToInt64(Catalog.Query(dir.Path, "SELECT COUNT(*) AS n FROM raw_pages")[0]["n"], CultureInfo.InvariantCulture);

        var all = await CrawlerProcess.RunAsync(["reparse", "--data-dir", dir.Path], Timeout, DemoSource);
        var none = await CrawlerProcess.RunAsync(["reparse", "--data-dir", dir.Path, "--site", "no-such-site", "--since", "2020-01-01"], Timeout, DemoSource);

        Assert.True(all.ExitCode == 0, $"reparse exited with {all.ExitCode}. stderr:\n{all.Stderr}");
        Assert.True(threads > 0, "the demo stored raw pages");
        Assert.Contains(
            $"{threads} threads reparsed: {threads} parsed, 0 failed; {threads} paired: 0 pairs new or changed, 0 retired, the rest unchanged",
            all.Stdout, StringComparison.Ordinal);
        // Dedup's decisions stand: an unchanged pair is not written again, so nothing about it moves.
        Assert.Equal(before, Catalog.Query(dir.Path, pairsSql));
        Assert.Equal(0, none.ExitCode);
        Assert.Contains("0 threads reparsed: 0 parsed, 0 failed; 0 paired: 0 pairs new or changed, 0 retired", none.Stdout, StringComparison.Ordinal);
    }
}
