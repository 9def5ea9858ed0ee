using Crawler.Bench;

IBenchmark[] benchmarks =
[
    new ExportBenchmark(),
    new Crawler.Bench.Robots.RobotsMatchBenchmark(),
    new Crawler.Bench.Dedup.QualityBenchmark(),
    new Crawler.Bench.Dedup.EmbedBenchmark(),
    new Crawler.Bench.Dedup.IndexBenchmark(),
    new Crawler.Bench.Gpu.GpuBenchmark(),
    new Crawler.Bench.Reddit.IngestBenchmark(),
    new Crawler.Bench.Crawl.CrawlBenchmark(),
];

if (args.Length == 0 || args[0] is "--list" or "-l")
{
    foreach (var benchmark in benchmarks)
    {
        Console.WriteLine($"{benchmark.Name}\t{benchmark.Description}");
    }
    return args.Length == 0 ? 2 : 0;
}
var chosen = benchmarks.FirstOrDefault(b => b.Name == args[0]);
if (chosen is null)
{
    await Console.Error.WriteLineAsync($"No benchmark named '{args[0]}'. Try --list.");
    return 2;
}
BenchResult result;
try
{
    result = await chosen.RunAsync(args[1..], CancellationToken.None);
}
catch (InvalidOperationException e)
{
    await Console.Error.WriteLineAsync($"{chosen.Name}: {e.Message}");
    return 1;
}
foreach (var line in result.ResultLines(chosen.Name))
{
    Console.WriteLine(line);
}
return 0;
