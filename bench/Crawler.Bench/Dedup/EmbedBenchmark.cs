using System.Diagnostics;
using System.Globalization;
using Crawler.Dedup.Embedding;

namespace Crawler.Bench.Dedup;

/// <summary>
/// <c>bench/run embed [--photos DIR] [--seconds N]</c>: images per second, decode included, for the built-in
/// model on the CPU (one thread, then all cores) beside the npm package sharp-phash (libvips decode, 32x32
/// grey, DCT) on one thread, over the same files in the same run. The result compares one thread with one.
/// </summary>
internal sealed class EmbedBenchmark : IBenchmark
{
    private readonly NpmPeer _peer = new("sharp-phash", "sharp-phash@2.2.0", "sharp@0.35.5");

    public string Name => "embed";

    public string Description => "decode+embed images/s, built-in model on CPU (1 thread, all cores) vs sharp-phash (1 thread)";

    public Task<BenchResult> RunAsync(string[] args, CancellationToken ct)
    {
        var folder = Arguments.Value(args, "--photos") ?? Photos.DefaultFolder;
        var seconds = double.Parse(Arguments.Value(args, "--seconds") ?? "10", CultureInfo.InvariantCulture);
        var images = Photos.Load(folder);
        Console.WriteLine($"{images.Count} files from {folder}, {images.Sum(i => i.Length) / 1024} KiB, {seconds} s per measurement, {Environment.ProcessorCount} cores");

        _peer.Install();
        var output = _peer.Node("sharp-phash.js", [folder, seconds.ToString(CultureInfo.InvariantCulture)], new Dictionary<string, string> { ["UV_THREADPOOL_SIZE"] = "1" });
        var peer = double.Parse(output.Split('=')[1], CultureInfo.InvariantCulture);
        Console.WriteLine($"sharp-phash, 1 thread:        {peer,8:0.0} images/s");

        NetVips.NetVips.Concurrency = 1;
        var one = Measure(images, seconds, threads: 1);
        Console.WriteLine($"{PerceptualModel.Id}, 1 thread:     {one,8:0.0} images/s");
        NetVips.NetVips.Concurrency = Environment.ProcessorCount;
        var all = Measure(images, seconds, threads: Environment.ProcessorCount);
        Console.WriteLine($"{PerceptualModel.Id}, {Environment.ProcessorCount} threads:    {all,8:0.0} images/s");
        return Task.FromResult(new BenchResult(one, peer, "images/s"));
    }

    private static double Measure(IReadOnlyList<byte[]> images, double seconds, int threads)
    {
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
