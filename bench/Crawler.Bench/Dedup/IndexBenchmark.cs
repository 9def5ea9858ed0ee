using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Crawler.Dedup.Clustering;
using Crawler.Dedup.Comparison;

namespace Crawler.Bench.Dedup;

/// <summary>
/// <c>bench/run dedup-index [--sizes N,...] [--photos DIR] [--rounds 5]</c>: near-duplicate queries per second
/// (one thread, one query at a time, threshold 0.88, as the dedup stage asks) over N originals, ours scanned
/// whole and partitioned, beside faiss's exact flat range search and its approximate IVF (nprobe 8) on the same
/// vectors and queries, in interleaved rounds at each size (medians in the table, ranges below each row). Half the queries are reposts of an entry, half new pictures. The vectors are drawn to match
/// the built-in model's embeddings of real photo crops (<see cref="EmbeddingPopulation"/>). The result
/// compares ours partitioned with faiss flat, both exact, at the largest size.
/// </summary>
internal sealed class IndexBenchmark : IBenchmark
{
    private static readonly float Threshold = (float)MeasuredThresholds.NearDuplicate;

    public string Name => "dedup-index";

    public string Description => "near-duplicate queries/s over N originals: exact scan and partition vs faiss flat (exact) and IVF (approximate)";

    public Task<BenchResult> RunAsync(string[] args, CancellationToken ct)
    {
        var sizes = (Arguments.Value(args, "--sizes") ?? "5000,20000,100000,1000000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var rounds = int.Parse(Arguments.Value(args, "--rounds") ?? "5", CultureInfo.InvariantCulture);
        FaissPeer.Ensure();
        var population = EmbeddingPopulation.FromCrops(Photos.Load(Arguments.Value(args, "--photos") ?? Photos.DefaultFolder), crops: 2_000, seed: 1);
        var random = new Random(2);
        var drawn = Enumerable.Range(0, 2_000).Select(_ => population.Draw(random)).ToList();
        Console.WriteLine($"similarity of two different vectors: real crops {Percentiles(population.Real, random)}; drawn {Percentiles(drawn, random)}");
        Console.WriteLine($"{"entries",10} {"scan q/s",10} {"ours q/s",10} {"scored",8} {"build s",8} {"faiss flat",11} {"faiss ivf",10} {"ivf recall",11}");

        BenchResult? result = null;
        foreach (var size in sizes)
        {
            var vectors = Enumerable.Range(0, size).Select(_ => population.Draw(random)).ToList();
            var queries = Enumerable.Range(0, Math.Clamp(100_000_000 / size, 100, 2_000))
                .Select(i => i % 2 == 0 ? EmbeddingPopulation.Repost(vectors[random.Next(size)], random) : population.Draw(random)).ToList();

            var scan = new NearDuplicateIndex<int>(partitionFrom: int.MaxValue);
            var partitioned = new NearDuplicateIndex<int>(partitionFrom: 1);
            for (var i = 0; i < size; i++)
            {
                scan.Add(i, vectors[i]);
                partitioned.Add(i, vectors[i]);
            }
            var build = Stopwatch.StartNew();
            partitioned.Candidates(queries[0], Threshold, 5);
            build.Stop();
            if (queries.FirstOrDefault(q => !scan.Candidates(q, Threshold, int.MaxValue).SequenceEqual(partitioned.Candidates(q, Threshold, int.MaxValue))) is not null)
            {
                throw new InvalidOperationException($"the partition answered a query differently from the scan at {size} entries");
            }

            using var folder = new TempFolder();
            var (vectorFile, queryFile) = (Save(folder.File("vectors.f32"), vectors), Save(folder.File("queries.f32"), queries));
            var scored = 0.0;
            // One faiss run measures flat and IVF both; its IVF figures are kept aside, one per round.
            List<double> ivf = [], recall = [];
            var measured = Interleaved.Run(rounds,
            [
                ("scan", () => Measure(scan, queries).QueriesPerSecond),
                ("ours", () =>
                {
                    (var qps, scored) = Measure(partitioned, queries);
                    return qps;
                }),
                ("faiss flat", () =>
                {
                    var peer = FaissPeer.RangeSearch(vectorFile, queryFile, population.Dimensions, Threshold);
                    ivf.Add(peer["ivf_qps"]);
                    recall.Add(peer["ivf_recall"]);
                    return peer["flat_qps"];
                }),
            ], "queries/s");
            var (ours, flat, ivfSpread) = (measured["ours"], measured["faiss flat"], Spread.Of(ivf));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{size,10:N0} {measured["scan"].Median,10:0} {ours.Median,10:0} {scored,8:P1} {build.Elapsed.TotalSeconds,8:0.00} {flat.Median,11:0} {ivfSpread.Median,10:0} {recall.Min(),11:0.0000}"));
            Console.WriteLine($"{"",10} ranges: scan {measured["scan"]}, ours {ours}, faiss flat {flat}, faiss ivf {ivfSpread}");
            result = new BenchResult(ours.Median, flat.Median, "queries/s");
        }
        Console.WriteLine($"scored: the share of entries a partitioned query scores; every query answered as by the scan. build: k-means on all cores. The service partitions from {NearDuplicateIndex<int>.PartitionFrom:N0} entries.");
        return Task.FromResult(result ?? throw new ArgumentException("no --sizes given"));
    }

    /// <summary>Runs the queries over and over for at least two seconds, after one untimed round that lets the JIT settle.</summary>
    private static (double QueriesPerSecond, double ShareScored) Measure(NearDuplicateIndex<int> index, List<float[]> queries)
    {
        foreach (var query in queries)
        {
            index.Candidates(query, Threshold, 5);
        }
        var clock = Stopwatch.StartNew();
        long asked = 0, scored = 0;
        while (clock.Elapsed.TotalSeconds < 2)
        {
            foreach (var query in queries)
            {
                index.Candidates(query, Threshold, 5);
                asked++;
                scored += index.LastScored;
            }
        }
        return (asked / clock.Elapsed.TotalSeconds, (double)scored / asked / index.Count);
    }

    private static string Percentiles(List<float[]> vectors, Random random)
    {
        var similarities = Enumerable.Range(0, 5_000)
            .Select(_ => (vectors[random.Next(vectors.Count)], vectors[random.Next(vectors.Count)]))
            .Where(p => !ReferenceEquals(p.Item1, p.Item2))
            .Select(p => System.Numerics.Tensors.TensorPrimitives.Dot(p.Item1, p.Item2))
            .Order()
            .ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"median {similarities[similarities.Count / 2]:0.00}, 90% {similarities[similarities.Count * 9 / 10]:0.00}, 99% {similarities[similarities.Count * 99 / 100]:0.00}");
    }

    private static string Save(string path, List<float[]> vectors)
    {
        using var file = File.Create(path);
        foreach (var vector in vectors)
        {
            file.Write(MemoryMarshal.AsBytes(vector.AsSpan()));
        }
        return path;
    }

    private sealed class TempFolder : IDisposable
    {
        private readonly string _path = Directory.CreateTempSubdirectory("dedup-index-").FullName;

        public string File(string name) => Path.Combine(_path, name);

        public void Dispose() => Directory.Delete(_path, recursive: true);
    }
}
