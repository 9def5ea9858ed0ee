using System.Diagnostics;
using System.Text.Json;

namespace Crawler.Bench.Crawl;

/// <summary>The peer: Crawlee's HttpCrawler (npm <c>@crawlee/http</c>) crawling the same site at the same concurrency.</summary>
internal static class CrawleeCrawl
{
    private static readonly NpmPeer Peer = new("crawlee", "@crawlee/http@3");

    public static void Install() => Peer.Install();

    public static CrawlRun Run(Uri site, int threads, int concurrency, string storageDir)
    {
        var clock = Stopwatch.StartNew();
        var output = Peer.Node("crawlee-crawl.js", [site.AbsoluteUri, RedditThreadSite.Community, concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            new Dictionary<string, string> { ["CRAWLEE_STORAGE_DIR"] = storageDir });
        var elapsed = clock.Elapsed;
        using var report = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var stored = report.RootElement.GetProperty("threads").GetInt32();
        if (stored != threads)
        {
            throw new InvalidOperationException($"Crawlee stored {stored} of {threads} threads: {output}");
        }
        // getrusage's ru_maxrss, in KiB on Linux: the same high-water mark as the service's VmHWM.
        return new CrawlRun(threads, elapsed, report.RootElement.GetProperty("maxRssKb").GetDouble() / 1024.0);
    }
}
