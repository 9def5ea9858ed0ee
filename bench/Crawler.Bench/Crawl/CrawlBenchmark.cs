using System.Globalization;

namespace Crawler.Bench.Crawl;

/// <summary>
/// A crawl of a loopback request community of 10,000 threads in Reddit's JSON shape (about 100 KB a page) served
/// by nginx: the service's discover, fetch-thread, parse and pair stages storing into the catalog, against
/// Crawlee's HttpCrawler fetching, parsing and storing the same pages at the same concurrency. Runs alternate
/// (ours, Crawlee, ours, ...); pages/s and peak RSS are each side's median.
/// </summary>
internal sealed class CrawlBenchmark : IBenchmark
{
    public string Name => "crawl";

    public string Description => "10,000 Reddit-JSON thread pages from nginx on loopback: the service's crawl stages vs Crawlee HttpCrawler (pages/s; crawl-memory: peak RSS)";

    public Task<BenchResult> RunAsync(string[] args, CancellationToken ct)
    {
        var threads = int.Parse(Arguments.Value(args, "--threads") ?? "10000", CultureInfo.InvariantCulture);
        var rounds = int.Parse(Arguments.Value(args, "--rounds") ?? "3", CultureInfo.InvariantCulture);
        // Crawlee gets the service's own concurrency; the service's is its stage's, not a benchmark setting.
        var concurrency = ServiceConcurrency;
        var patience = TimeSpan.FromMinutes(int.Parse(Arguments.Value(args, "--minutes") ?? "20", CultureInfo.InvariantCulture));
        CrawleeCrawl.Install();
        var work = Directory.CreateTempSubdirectory("crawler-bench-crawl-");
        try
        {
            var site = Path.Combine(work.FullName, "site");
            var bytes = RedditThreadSite.Write(site, threads);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"site: {threads:N0} thread pages, {bytes / 1e6:N0} MB ({bytes / threads / 1e3:0} KB a page on average), {(threads + 99) / 100} listing pages; concurrency {concurrency}"));
            using var nginx = NginxSite.Start(site, work.FullName);
            var memory = new Dictionary<string, List<double>> { ["ours"] = [], ["crawlee"] = [] };
            var run = 0;
            double Measure(string side, Func<string, CrawlRun> crawl)
            {
                var dir = Path.Combine(work.FullName, $"{side}-{++run}");
                try
                {
                    var result = crawl(dir);
                    memory[side].Add(result.PeakRssMb);
                    Console.WriteLine($"    {side}: {result}");
                    return result.PagesPerSecond;
                }
                finally
                {
                    Directory.Delete(dir, recursive: true);
                }
            }
            var speed = Interleaved.Run(rounds,
            [
                ("ours", () => Measure("ours", dir => ServiceCrawl.Run(nginx.Address, threads, dir, patience))),
                ("crawlee", () => Measure("crawlee", dir => CrawleeCrawl.Run(nginx.Address, threads, concurrency, dir))),
            ], "pages/s");
            var rss = memory.ToDictionary(m => m.Key, m => Spread.Of(m.Value));
            Console.WriteLine($"pages/s: ours {speed["ours"]}, Crawlee {speed["crawlee"]}");
            Console.WriteLine($"peak RSS MB: ours {rss["ours"]}, Crawlee {rss["crawlee"]}");
            var memoryResult = new BenchResult(rss["ours"].Median, rss["crawlee"].Median, "MB", LowerIsBetter: true);
            return Task.FromResult(new BenchResult(speed["ours"].Median, speed["crawlee"].Median, "pages/s", Companions: [("crawl-memory", memoryResult)]));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Thread pages the service fetches at once with politeness off (the fetch-thread stage's parallelism).</summary>
    private static int ServiceConcurrency => 1;
}
