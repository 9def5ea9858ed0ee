using Crawler.TestSupport;

namespace Crawler.EndToEnd.Tests;

/// <summary><c>crawler gpu-check</c> on a machine without CUDA: exit 1 and one line saying why, never a crash.</summary>
public sealed class GpuCheckTests
{
    [Fact]
    public async Task GpuCheck_ExitsWithOne_WhenTheProviderLibraryIsNotOne()
    {
        using var dir = new TempDir();
        var library = dir.Combine("libonnxruntime_providers_cuda.so");
        await File.WriteAllTextAsync(library, "not a shared library");

        var process = await CrawlerProcess.RunAsync(["gpu-check", "--cuda-library", library], TimeSpan.FromSeconds(60));

        Assert.Equal(1, process.ExitCode);
        Assert.StartsWith($"CUDA unavailable: the CUDA provider library {library} is unavailable: ", process.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", process.Stdout + process.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GpuCheck_ExitsWithOne_WhenThisOnnxRuntimeHasNoBuiltInCuda()
    {
        var process = await CrawlerProcess.RunAsync(["gpu-check"], TimeSpan.FromSeconds(60));

        Assert.Equal(1, process.ExitCode);
        Assert.StartsWith("CUDA unavailable: ONNX Runtime's built-in CUDA provider is unavailable: ", process.Stdout, StringComparison.Ordinal);
    }
}
