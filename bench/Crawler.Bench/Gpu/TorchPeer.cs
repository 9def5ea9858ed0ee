using System.Diagnostics;
using System.Globalization;

namespace Crawler.Bench.Gpu;

/// <summary>
/// Runs <c>Peers/torch_resnet50.py</c> with the machine's python3 (the GPU machine has torch; this one does
/// not): once to export the model, then as one long-lived process that answers a measurement per request.
/// </summary>
internal sealed class TorchPeer : IDisposable
{
    private readonly Process _process;

    private TorchPeer(Process process) => _process = process;

    public static bool Available()
    {
        try
        {
            return ChildProcess.Run("python3", ["-c", "import torch, torchvision; assert torch.cuda.is_available()"], quiet: true) is not null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    public static (byte[] Fp32, byte[] Fp16) Export(string folder)
    {
        _ = ChildProcess.Run("python3", [Script, "export", folder], quiet: false) ?? throw new InvalidOperationException("torch could not export ResNet-50");
        return (File.ReadAllBytes(Path.Combine(folder, "resnet50-fp32.onnx")), File.ReadAllBytes(Path.Combine(folder, "resnet50-fp16.onnx")));
    }

    public static TorchPeer Start()
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add("serve");
        return new TorchPeer(Process.Start(start) ?? throw new InvalidOperationException("could not start python3"));
    }

    /// <summary>Images per second for one measurement of <paramref name="seconds"/>; the first request per precision also builds the model.</summary>
    public double Measure(string precision, int batch, double seconds)
    {
        _process.StandardInput.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{precision} {batch} {seconds}"));
        _process.StandardInput.Flush();
        var answer = _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException($"torch stopped during the {precision} measurement");
        return double.Parse(answer.Split('=')[1], CultureInfo.InvariantCulture);
    }

    private static string Script => Path.Combine(AppContext.BaseDirectory, "Peers", "torch_resnet50.py");

    public void Dispose()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            _process.Kill();
        }
        _process.Dispose();
    }
}
