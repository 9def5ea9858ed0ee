using System.Globalization;

namespace Crawler.Bench.Crawl;

/// <summary>One crawler's crawl of the whole site: how long it took and its peak resident memory.</summary>
internal sealed record CrawlRun(int Threads, TimeSpan Elapsed, double PeakRssMb)
{
    /// <summary>Thread pages per second (the listing pages, 1 in 100, ride along uncounted on both sides).</summary>
    public double PagesPerSecond => Threads / Elapsed.TotalSeconds;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Threads:N0} threads in {Elapsed.TotalSeconds:0.0} s = {PagesPerSecond:0.0} pages/s, peak RSS {PeakRssMb:0} MB");
}
