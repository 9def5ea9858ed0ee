using Crawler.Dedup.Embedding;
using Crawler.TestSupport;

namespace Crawler.Dedup.Tests.Embedding;

public sealed class EmbeddingSessionFactoryTests
{
    [Fact]
    public void Create_Throws_WhenTheCudaLibraryIsNotAProvider()
    {
        using var dir = new TempDir();
        var library = dir.Combine("libonnxruntime_providers_cuda.so");
        File.WriteAllText(library, "not a shared library");

        var error = Assert.Throws<ExecutionProviderException>(() =>
            EmbeddingSessionFactory.Create(PerceptualModel.Create(), new ProviderRequest(ExecutionProviders.Cuda, library)));

        Assert.StartsWith($"the CUDA provider library {library} is unavailable: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Throws_WhenTheCudaLibraryIsMissing()
    {
        var error = Assert.Throws<ExecutionProviderException>(() =>
            EmbeddingSessionFactory.Create(PerceptualModel.Create(), new ProviderRequest(ExecutionProviders.Cuda, "/nonexistent/libonnxruntime_providers_cuda.so")));

        Assert.Equal("the CUDA provider library /nonexistent/libonnxruntime_providers_cuda.so does not exist", error.Message);
    }

    [Fact]
    public void Create_Throws_WhenThisOnnxRuntimeHasNoBuiltInCuda()
    {
        // The NuGet CPU package (what this project restores by default) has no CUDA provider compiled in.
        var error = Assert.Throws<ExecutionProviderException>(() =>
            EmbeddingSessionFactory.Create(PerceptualModel.Create(), new ProviderRequest(ExecutionProviders.Cuda)));

        Assert.StartsWith("ONNX Runtime's built-in CUDA provider is unavailable: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_RunsOnTheCpu_WhenAskedTo()
    {
        using var session = EmbeddingSessionFactory.Create(PerceptualModel.Create(), ProviderRequest.CpuOnly(intraOpThreads: 1));

        Assert.Equal(ExecutionProviders.Cpu, session.Provider);
        Assert.Equal(Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Float, session.InputType);
    }
}
