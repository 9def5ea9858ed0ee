using System.Globalization;

namespace Crawler.Bench.Dedup;

/// <summary>Runs <c>Peers/torch_resnet50.py</c> with the machine's python3 (the GPU machine has torch; this one does not).</summary>
internal static class TorchPeer
{
    public static bool Available()
    {
        try
        {
            return Python(["-c", "import torch, torchvision; assert torch.cuda.is_available()"], quiet: true) is not null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    public static (byte[] Fp32, byte[] Fp16, string Name) Export(string folder)
    {
        _ = Python([Script, "export", folder], quiet: false) ?? throw new InvalidOperationException("torch could not export ResNet-50");
        return (File.ReadAllBytes(Path.Combine(folder, "resnet50-fp32.onnx")), File.ReadAllBytes(Path.Combine(folder, "resnet50-fp16.onnx")), "torchvision ResNet-50, random weights (seed 0)");
    }

    public static double Bench(string precision, int batch, double seconds)
    {
        var output = Python([Script, "bench", precision, batch.ToString(CultureInfo.InvariantCulture), seconds.ToString(CultureInfo.InvariantCulture)], quiet: false)
            ?? throw new InvalidOperationException($"torch {precision} benchmark failed");
        return double.Parse(output.Trim().Split('\n')[^1].Split('=')[1], CultureInfo.InvariantCulture);
    }

    private static string Script => Path.Combine(AppContext.BaseDirectory, "Peers", "torch_resnet50.py");

    private static string? Python(IReadOnlyList<string> args, bool quiet) => ChildProcess.Run("python3", args, quiet);
}
