using System.Diagnostics;
using System.Globalization;
using Crawler.Dedup.Embedding;
using Microsoft.ML.OnnxRuntime;

namespace Crawler.Bench.Dedup;

/// <summary>
/// <c>bench/run gpu [--provider cuda|cpu] [--cuda-library PATH] [--batch 256] [--seconds 15] [--photos DIR]
/// [--models DIR]</c>, for the GPU machine (see README, "GPU benchmark"): ResNet-50 exported from torch
/// there, batch 256, fp32 and fp16, inference from host buffers (decode excluded) beside torch on the same
/// model in the same run; then decode+embed end to end. Without torch (a dry run here) a small stand-in
/// model takes ResNet-50's place and torch's numbers are absent.
/// </summary>
internal sealed class GpuBenchmark : IBenchmark
{
    public string Name => "gpu";

    public string Description => "ResNet-50 batch 256 fp32/fp16 on CUDA vs torch, then decode+embed end to end (GPU machine; --provider cpu for a dry run)";

    public Task<BenchResult> RunAsync(string[] args, CancellationToken ct)
    {
        var provider = Arguments.Value(args, "--provider") ?? "cuda";
        var library = Arguments.Value(args, "--cuda-library") ?? Environment.GetEnvironmentVariable("CRAWLER_CUDA_PROVIDER");
        var batch = int.Parse(Arguments.Value(args, "--batch") ?? "256", CultureInfo.InvariantCulture);
        var seconds = double.Parse(Arguments.Value(args, "--seconds") ?? "15", CultureInfo.InvariantCulture);
        var request = provider == "cpu"
            ? ProviderRequest.CpuOnly()
            : new ProviderRequest(ExecutionProviders.Cuda, string.IsNullOrEmpty(library) ? null : library);
        Console.WriteLine($"provider {request.Provider}{(request.CudaLibrary is { } l ? $" from {l}" : "")}, batch {batch}, {seconds} s per measurement, {Environment.ProcessorCount} cores");
        if (request.Provider == ExecutionProviders.Cuda)
        {
            try
            {
                Console.WriteLine(ProviderCheck.Run(request));
            }
            catch (ExecutionProviderException e)
            {
                throw new InvalidOperationException($"CUDA unavailable: {e.Message} (--provider cpu runs the dry run)", e);
            }
        }

        var torch = TorchPeer.Available();
        var models = Arguments.Value(args, "--models") ?? Path.Combine(Path.GetTempPath(), "crawler-gpu-models");
        Directory.CreateDirectory(models);
        var (fp32, fp16, name) = torch ? TorchPeer.Export(models) : (StandInModel.Build(half: false), StandInModel.Build(half: true), "stand-in (no torch here: a dry run)");
        Console.WriteLine($"model: {name}");

        var results = new Dictionary<string, (double Ours, double? Peer)>();
        foreach (var (precision, onnx) in new[] { ("fp32", fp32), ("fp16", fp16) })
        {
            var ours = Inference(new EmbeddingModel($"bench-{precision}", onnx, 224, [0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f]), request, batch, seconds);
            double? peer = torch ? TorchPeer.Bench(precision, batch, seconds) : null;
            results[precision] = (ours, peer);
            Console.WriteLine($"inference {precision}, host buffers: ours {ours,8:0.0} images/s, torch {(peer is { } p ? $"{p,8:0.0} images/s, ratio {ours / p:0.00}" : "n/a")}");
        }

        var photos = Photos.Load(Arguments.Value(args, "--photos") ?? Photos.DefaultFolder);
        var endToEnd = EndToEnd(new EmbeddingModel("bench-fp16", fp16, 224, [0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f]), request, batch, seconds, photos);
        Console.WriteLine($"decode+embed fp16 end to end, {photos.Count} photos cycled: {endToEnd:0.0} images/s");
        return Task.FromResult(new BenchResult(results["fp16"].Ours, results["fp16"].Peer ?? 0, "images/s-fp16-inference"));
    }

    /// <summary>Images per second through the session from one pinned host buffer: copies to and from the device included, decode excluded.</summary>
    private static double Inference(EmbeddingModel model, ProviderRequest request, int batch, double seconds)
    {
        using var session = EmbeddingSessionFactory.Create(model, request);
        var length = batch * 3 * 224 * 224;
        long[] shape = [batch, 3, 224, 224];
        var random = new Random(1);
        if (session.InputType == Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Float16)
        {
            var half = GC.AllocateArray<Float16>(length, pinned: true);
            for (var i = 0; i < length; i++)
            {
                half[i] = (Float16)random.NextSingle();
            }
            return Measure(() => session.Run(half.AsMemory(), shape), batch, seconds);
        }
        var pixels = GC.AllocateArray<float>(length, pinned: true);
        for (var i = 0; i < length; i++)
        {
            pixels[i] = random.NextSingle();
        }
        return Measure(() => session.Run(pixels.AsMemory(), shape), batch, seconds);
    }

    private static double EndToEnd(EmbeddingModel model, ProviderRequest request, int batch, double seconds, IReadOnlyList<byte[]> photos)
    {
        // The embedder decodes many images at once, so each decode keeps to one libvips thread.
        NetVips.NetVips.Concurrency = 1;
        using var embedder = new OnnxEmbedder(EmbeddingSessionFactory.Create(model, request), new EmbedderSettings(batch, Environment.ProcessorCount));
        var images = Enumerable.Range(0, batch * 4).Select(i => photos[i % photos.Count]).ToList();
        return Measure(() => embedder.Embed(images), images.Count, seconds);
    }

    private static double Measure(Action run, int perRun, double seconds)
    {
        for (var i = 0; i < 3; i++)
        {
            run();
        }
        var clock = Stopwatch.StartNew();
        var done = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            run();
            done += perRun;
        }
        return done / clock.Elapsed.TotalSeconds;
    }
}
