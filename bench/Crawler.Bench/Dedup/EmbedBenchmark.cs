using System.Diagnostics;
using System.Globalization;
using Crawler.Dedup.Embedding;

namespace Crawler.Bench.Dedup;

/// <summary>
/// <c>bench/run embed [--photos DIR] [--seconds N] [--rounds 5]</c>: images per second, decode included, for the
/// built-in model on the CPU (one thread, then all cores) beside the npm package sharp-phash (libvips decode,
/// 32x32 grey, DCT) on one thread, over the same files, in interleaved rounds. libvips' operation cache is off
/// on both sides, since a crawl never decodes the same image twice. The result compares one thread with one.
/// </summary>
internal sealed class EmbedBenchmark : IBenchmark
{
    private readonly NpmPeer _peer = new("sharp-phash", "sharp-phash@2.2.0", "sharp@0.35.5");

    public string Name => "embed";

    public string Description => "decode+embed images/s, built-in model on CPU (1 thread, all cores) vs sharp-phash (1 thread)";

    public Task<BenchResult> RunAsync(string[] args, CancellationToken ct)
    {
        var folder = Arguments.Value(args, "--photos") ?? Photos.DefaultFolder;
        var seconds = double.Parse(Arguments.Value(args, "--seconds") ?? "5", CultureInfo.InvariantCulture);
        var rounds = int.Parse(Arguments.Value(args, "--rounds") ?? "5", CultureInfo.InvariantCulture);
        var images = Photos.Load(folder);
        Console.WriteLine($"{images.Count} files from {folder}, {images.Sum(i => i.Length) / 1024} KiB, {seconds} s per measurement, {rounds} rounds, {Environment.ProcessorCount} cores");

        _peer.Install();
        NetVips.Cache.Max = 0;
        NetVips.Cache.MaxFiles = 0;
        NetVips.Cache.MaxMem = 0;
        const string Peer = "sharp-phash, 1 thread";
        var one = $"{PerceptualModel.Id}, 1 thread";
        var all = $"{PerceptualModel.Id}, {Environment.ProcessorCount} threads";
        var measured = Interleaved.Run(rounds,
        [
            (Peer, () => double.Parse(_peer.Node("sharp-phash.js", [folder, seconds.ToString(CultureInfo.InvariantCulture)],
                new Dictionary<string, string> { ["UV_THREADPOOL_SIZE"] = "1" }).Split('=')[1], CultureInfo.InvariantCulture)),
            (one, () => Measure(images, seconds, threads: 1)),
            (all, () => Measure(images, seconds, threads: Environment.ProcessorCount)),
        ], "images/s");
        foreach (var (name, spread) in measured)
        {
            Console.WriteLine($"{name,-32} {spread} images/s");
        }
        return Task.FromResult(new BenchResult(measured[one].Median, measured[Peer].Median, "images/s"));
    }

    private static double Measure(IReadOnlyList<byte[]> images, double seconds, int threads)
    {
        NetVips.NetVips.Concurrency = threads;
        using var embedder = new OnnxEmbedder(
            EmbeddingSessionFactory.Create(PerceptualModel.Create(), ProviderRequest.CpuOnly(intraOpThreads: threads)),
            new EmbedderSettings(BatchSize: 32, DecodeThreads: threads));
        embedder.Embed(images);
        var clock = Stopwatch.StartNew();
        var done = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            embedder.Embed(images);
            done += images.Count;
        }
        return done / clock.Elapsed.TotalSeconds;
    }
}
