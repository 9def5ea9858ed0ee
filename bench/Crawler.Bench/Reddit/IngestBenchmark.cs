using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Crawler.Bench.Reddit;

/// <summary>
/// <c>bench/run ingest [--mb 1000] [--rounds 5] [--share 0.01] [--keep DIR]</c>: a Pushshift-shaped pair of dumps (about
/// <c>--mb</c> MB decompressed, <c>--share</c> of the lines in r/PhotoshopRequest) read three ways in
/// interleaved rounds: ours, the built <c>crawler import-dump</c> as a user runs it (its own process, a fresh
/// catalog, SQLite writes and start-up included); the peer, the plain JsonDocument-per-line reader a user would
/// write; and the floor, <c>zstd -dc | wc -l</c>. ZstdSharp decompressing alone (the library both readers
/// use, on one thread) shows how far a reader on it can go. Decompressed megabytes per second; ours and the peer must
/// find the same lines. <c>--keep</c> writes the dumps into DIR and leaves them there, to profile with.
/// </summary>
internal sealed partial class IngestBenchmark : IBenchmark
{
    private const string Ours = "ours (crawler import-dump)";
    private const string Plain = "plain reader (JsonDocument)";
    private const string Floor = "floor (zstd -dc | wc -l)";
    private const string Decompress = "ZstdSharp alone";

    public string Name => "ingest";

    public string Description => "Pushshift .zst submissions and comments of one subreddit: import-dump into a fresh catalog vs a plain JsonDocument reader, zstd -dc as the floor (MB/s)";

    public Task<BenchResult> RunAsync(string[] args, CancellationToken ct)
    {
        var megabytes = long.Parse(Arguments.Value(args, "--mb") ?? "1000", CultureInfo.InvariantCulture);
        var rounds = int.Parse(Arguments.Value(args, "--rounds") ?? "5", CultureInfo.InvariantCulture);
        var share = double.Parse(Arguments.Value(args, "--share") ?? "0.01", CultureInfo.InvariantCulture);
        var crawler = Path.Combine(RepoPaths.Root, "src", "Worker", "bin", "Release", "net10.0", "crawler.dll");
        if (!File.Exists(crawler))
        {
            throw new InvalidOperationException($"no built crawler at {crawler}: run through bench/run, which builds it");
        }
        ZstdFloor.Install();
        var keep = Arguments.Value(args, "--keep");
        var work = keep is null ? Directory.CreateTempSubdirectory("crawler-bench-ingest-") : Directory.CreateDirectory(keep);
        try
        {
            var clock = Stopwatch.StartNew();
            var dump = SyntheticDump.Write(work.FullName, megabytes * 1_000_000, share);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{dump.Lines:N0} lines ({dump.Bytes / (double)dump.Lines:N0} bytes each), {dump.Bytes / 1e6:N0} MB decompressed, "
                + $"{dump.Compressed / 1e6:N0} MB compressed ({dump.Bytes / (double)dump.Compressed:0.0}:1), {dump.Wanted:N0} lines of r/{SyntheticDump.Community}; "
                + $"written in {clock.Elapsed.TotalSeconds:0} s; {rounds} rounds, {Environment.ProcessorCount} cores"));
            string[] files = [dump.Submissions, dump.Comments];
            var speed = (double seconds) => dump.Bytes / 1e6 / seconds;
            var run = 0;
            var measured = Interleaved.Run(rounds,
            [
                (Ours, () => speed(Time(() => Import(crawler, Path.Combine(work.FullName, $"catalog-{run++}"), dump), dump.Wanted))),
                (Plain, () => speed(Time(() => PlainReader.Count(files, SyntheticDump.Community), dump.Wanted))),
                (Floor, () => speed(Time(() => ZstdFloor.CountLines(files), dump.Lines))),
                (Decompress, () => speed(Time(() => DecompressOnly(files), dump.Bytes))),
            ], "MB/s");
            var (ours, plain, floor) = (measured[Ours], measured[Plain], measured[Floor]);
            Console.WriteLine($"{Ours,-28} {ours} MB/s");
            Console.WriteLine($"{Plain,-28} {plain} MB/s");
            Console.WriteLine($"{Floor,-28} {floor} MB/s");
            Console.WriteLine($"{Decompress,-28} {measured[Decompress]} MB/s");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ours/plain = {ours.Median / plain.Median:0.00}x (target >= 1.5); ours runs at {ours.Median / floor.Median:0.00} of the zstd floor ({floor.Median / ours.Median:0.0}x slower), {ours.Median / measured[Decompress].Median:0.00} of ZstdSharp alone"));
            return Task.FromResult(new BenchResult(ours.Median, plain.Median, "MB/s"));
        }
        finally
        {
            if (keep is null)
            {
                work.Delete(recursive: true);
            }
        }
    }

    /// <returns>Lines of the community imported: threads and the replies joined to them.</returns>
    private static long Import(string crawler, string catalog, SyntheticDump.Files dump)
    {
        var output = ChildProcess.Run("dotnet",
            [crawler, "import-dump", "--data-dir", catalog, "--submissions", dump.Submissions, "--comments", dump.Comments, "--subreddit", SyntheticDump.Community],
            quiet: true) ?? throw new InvalidOperationException($"crawler import-dump failed; run it on the dumps of --keep to see why");
        var summary = Summary().Match(output);
        return summary.Success
            ? long.Parse(summary.Groups["threads"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) + long.Parse(summary.Groups["replies"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"import-dump printed no summary: {output}");
    }

    /// <returns>Bytes decompressed.</returns>
    private static long DecompressOnly(IEnumerable<string> dumps)
    {
        var buffer = new byte[1 << 20];
        long total = 0;
        foreach (var dump in dumps)
        {
            using var file = File.OpenRead(dump);
            using var zstd = new ZstdSharp.DecompressionStream(file, bufferSize: 1 << 20);
            zstd.SetParameter(ZstdSharp.Unsafe.ZSTD_dParameter.ZSTD_d_windowLogMax, 31);
            for (var read = zstd.Read(buffer); read > 0; read = zstd.Read(buffer))
            {
                total += read;
            }
        }
        return total;
    }

    /// <returns>Seconds taken, once the count is checked.</returns>
    private static double Time(Func<long> read, long expected)
    {
        var clock = Stopwatch.StartNew();
        var found = read();
        var seconds = clock.Elapsed.TotalSeconds;
        return found == expected ? seconds : throw new InvalidOperationException($"found {found:N0} lines where the dump holds {expected:N0}");
    }

    [GeneratedRegex(@"(?<threads>[\d,]+) threads and (?<replies>[\d,]+) replies imported")]
    private static partial Regex Summary();
}
