using System.Globalization;
using Crawler.Bench.Dedup;
using Crawler.Dedup.Embedding;
using Microsoft.ML.OnnxRuntime;

namespace Crawler.Bench.Gpu;

/// <summary>
/// <c>bench/run gpu [--provider cuda|cpu] [--batch 256] [--seconds 5] [--rounds 3] [--part all|decode|scaling]
/// [--photos DIR] [--models DIR]</c>,
/// for the GPU machine (see README, "GPU benchmark"): decode + the built-in model end to end on all cores,
/// beside decoding alone; then ResNet-50 exported from torch there, fp32 and fp16, inference from pinned
/// host buffers (decode excluded) against torch on the same model, rounds of each alternating. Without
/// torch (the dry run here) a small stand-in model takes ResNet-50's place and torch's numbers are absent.
/// </summary>
internal sealed class GpuBenchmark : IBenchmark
{
    private static readonly float[] ImageNetMean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] ImageNetStd = [0.229f, 0.224f, 0.225f];

    public string Name => "gpu";

    public string Description => "ResNet-50 batch 256 fp32/fp16 on CUDA vs torch, then decode+embed end to end (GPU machine; --provider cpu for a dry run)";

    public Task<BenchResult> RunAsync(string[] args, CancellationToken ct)
    {
        var onCuda = (Arguments.Value(args, "--provider") ?? "cuda") != "cpu";
        var batch = int.Parse(Arguments.Value(args, "--batch") ?? "256", CultureInfo.InvariantCulture);
        var seconds = double.Parse(Arguments.Value(args, "--seconds") ?? "5", CultureInfo.InvariantCulture);
        var rounds = int.Parse(Arguments.Value(args, "--rounds") ?? "3", CultureInfo.InvariantCulture);
        var part = Arguments.Value(args, "--part") ?? "all";
        var photos = Photos.Load(Arguments.Value(args, "--photos") ?? Photos.DefaultFolder);
        if (part == "scaling")
        {
            DecodeScaling.Run(photos, seconds);
            return Task.FromResult(new BenchResult(0, 0, "none"));
        }
        var request = onCuda ? new ProviderRequest(ExecutionProviders.Cuda) : ProviderRequest.CpuOnly();
        Console.WriteLine($"ONNX Runtime {OrtEnv.Instance().GetVersionString()}, provider {request.Provider}, batch {batch}, {rounds} rounds of {seconds} s, {Environment.ProcessorCount} cores");
        if (onCuda)
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

        var models = Arguments.Value(args, "--models") ?? Path.Combine(Path.GetTempPath(), "crawler-gpu-models");
        Directory.CreateDirectory(models);
        var torch = TorchPeer.Available();
        var (fp32, fp16) = torch ? TorchPeer.Export(models) : (StandInModel.Build(half: false), StandInModel.Build(half: true));
        Console.WriteLine($"model: {(torch ? "torchvision ResNet-50, random weights (seed 0), exported by torch here" : "stand-in (no torch here: a dry run)")}");
        using var peer = torch ? TorchPeer.Start() : null;

        using (var endToEnd = new EndToEnd(request, batch, photos))
        {
            Console.WriteLine($"decode + built-in model ({PerceptualModel.Id}) on {endToEnd.Provider}, {photos.Count} photos cycled, {Environment.ProcessorCount} decode threads:");
            var measured = Interleaved.Run(rounds,
                [("decode+embed", () => endToEnd.DecodeAndEmbed(seconds)), ("decode alone (the bound)", () => endToEnd.DecodeOnly(seconds))], "images/s");
            Console.WriteLine($"end to end {measured["decode+embed"]} images/s; decoding alone {measured["decode alone (the bound)"]} images/s");
        }
        if (part == "decode")
        {
            return Task.FromResult(new BenchResult(0, 0, "none"));
        }

        var layouts = onCuda ? CudaLayouts : [("CPU", new Dictionary<string, string>())];
        var inferenceFp32 = Compare("fp32", fp32, request, layouts, batch, seconds, rounds, peer);
        var inferenceFp16 = Compare("fp16", fp16, request, layouts, batch, seconds, rounds, peer);

        return Task.FromResult(inferenceFp16 with { Companions = [("gpu-fp32", inferenceFp32)] });
    }

    /// <summary>
    /// Both sides with TF32 allowed in fp32 (torch's cuDNN default); ONNX Runtime in its default NCHW layout,
    /// with its NHWC kernels (torch runs channels_last), and with those plus cuDNN's fused convolution and
    /// bias: each is an <c>Embedding:CudaOptions</c> setting of the service.
    /// </summary>
    private static (string Name, Dictionary<string, string> Options)[] CudaLayouts =>
    [
        ("NCHW", new() { [CudaProviderSettings.UseTf32] = "1" }),
        ("NHWC", new() { [CudaProviderSettings.UseTf32] = "1", [CudaProviderSettings.PreferNhwc] = "1" }),
        ("NHWC fused bias", new() { [CudaProviderSettings.UseTf32] = "1", [CudaProviderSettings.PreferNhwc] = "1", [CudaProviderSettings.FuseConvBias] = "1" }),
    ];

    private static BenchResult Compare(string precision, byte[] onnx, ProviderRequest request, (string Name, Dictionary<string, string> Options)[] layouts,
        int batch, double seconds, int rounds, TorchPeer? peer)
    {
        var model = new EmbeddingModel($"resnet50-{precision}", onnx, 224, ImageNetMean, ImageNetStd);
        var runners = new List<(string Name, ModelThroughput Runner)>();
        foreach (var (name, options) in layouts)
        {
            try
            {
                runners.Add((name, new ModelThroughput(model, request with { CudaOptions = options }, batch)));
            }
            catch (Exception e) when (e is OnnxRuntimeException or ExecutionProviderException)
            {
                // One layout this build cannot run must not cost the others' figures.
                Console.WriteLine($"inference {precision} {name}: cannot run: {e.Message.Split('\n')[0]}");
            }
        }
        if (runners.Count == 0)
        {
            throw new InvalidOperationException($"no layout runs {precision}");
        }
        try
        {
            Console.WriteLine($"inference {precision}, batch {batch}, input in {runners[0].Runner.InputMemory}:");
            var contenders = runners.Select(r => ($"ours {r.Name}", (Func<double>)(() => r.Runner.Measure(seconds)))).ToList();
            if (peer is not null)
            {
                contenders.Add(("torch channels_last", () => peer.Measure(precision, batch, seconds)));
            }
            var measured = Interleaved.Run(rounds, contenders, "images/s");
            var best = measured.Where(m => m.Key.StartsWith("ours", StringComparison.Ordinal)).MaxBy(m => m.Value.Median);
            var torch = measured.GetValueOrDefault("torch channels_last");
            Console.WriteLine($"inference {precision}: {best.Key} {best.Value} images/s; torch {(torch is null ? "n/a" : $"{torch} images/s, ratio {best.Value.Median / torch.Median:0.00}")}");
            return new BenchResult(best.Value.Median, torch?.Median ?? 0, $"images/s-{precision}-inference");
        }
        finally
        {
            runners.ForEach(r => r.Runner.Dispose());
        }
    }
}
