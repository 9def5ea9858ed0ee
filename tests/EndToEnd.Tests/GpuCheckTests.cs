using Crawler.TestSupport;

namespace Crawler.EndToEnd.Tests;

/// <summary><c>crawler gpu-check</c> on a machine without CUDA: exit 1 and one line saying why, never a crash.</summary>
public sealed class GpuCheckTests
{
    [Fact]
    public async Task GpuCheck_ExitsWithOne_WhenThisOnnxRuntimeHasNoCuda()
    {
        var process = await CrawlerProcess.RunAsync(["gpu-check"], TimeSpan.FromSeconds(60));

        Assert.Equal(1, process.ExitCode);
        Assert.StartsWith("CUDA unavailable: ONNX Runtime's CUDA provider is unavailable: ", process.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", process.Stdout + process.Stderr, StringComparison.Ordinal);
    }
}
