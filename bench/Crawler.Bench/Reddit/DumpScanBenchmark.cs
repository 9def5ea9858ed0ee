using System.Diagnostics;
using System.Globalization;
using Crawler.Parsers.Reddit.Dumps;
using Crawler.Worker.Sources.Dumps;

namespace Crawler.Bench.Reddit;

/// <summary>
/// Reading a Pushshift dump for one community: ours (streamed zstd, line splitting, filter, mapping to threads,
/// as <c>import-dump</c> does before writing) against the usual command line, <c>zstd -dc --long=31 | jq -c
/// 'select(.subreddit == ...)'</c>. Lines of the dump per second; both must find the same number of threads.
/// </summary>
internal sealed class DumpScanBenchmark : IBenchmark
{
    public string Name => "reddit-dump-scan";

    public string Description => "Pushshift .zst submissions filtered to one subreddit: import-dump's reader vs zstd | jq (lines/s)";

    public async Task<BenchResult> RunAsync(string[] args, CancellationToken ct)
    {
        var lines = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
        await Peer.EnsureAsync(ct);
        var dir = Directory.CreateTempSubdirectory("crawler-bench-dump-");
        try
        {
            var dump = Path.Combine(dir.FullName, "RS_synthetic.zst");
            SyntheticDump.Write(dump, lines);
            Console.Error.WriteLine($"{lines:N0} lines, {new FileInfo(dump).Length / 1048576.0:N1} MiB compressed");
            var (ours, oursFound) = await TimeAsync(() => OursAsync(dump, ct));
            var (peer, peerFound) = await TimeAsync(() => Peer.CountAsync(dump, SyntheticDump.Community, ct));
            Console.Error.WriteLine($"ours: {oursFound:N0} threads in {ours.TotalSeconds:N2} s; zstd | jq: {peerFound:N0} in {peer.TotalSeconds:N2} s");
            if (oursFound != peerFound)
            {
                throw new InvalidOperationException($"the two readers disagree: {oursFound} vs {peerFound} threads");
            }
            return new BenchResult(lines / ours.TotalSeconds, lines / peer.TotalSeconds, "lines/s");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static async Task<long> OursAsync(string path, CancellationToken ct)
    {
        using var dump = DumpFile.Open(path);
        var reader = new NdjsonReader(dump.Content);
        long found = 0;
        while (await reader.ReadLineAsync(ct) is (true, var line))
        {
            if (DumpLine.Read(line, (community, _) => community == SyntheticDump.Community)?.Thread is not null)
            {
                found++;
            }
        }
        return found;
    }

    private static async Task<(TimeSpan Elapsed, long Found)> TimeAsync(Func<Task<long>> run)
    {
        var watch = Stopwatch.StartNew();
        var found = await run();
        return (watch.Elapsed, found);
    }
}
