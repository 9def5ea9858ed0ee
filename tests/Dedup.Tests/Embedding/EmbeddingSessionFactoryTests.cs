using Crawler.Dedup.Embedding;

namespace Crawler.Dedup.Tests.Embedding;

public sealed class EmbeddingSessionFactoryTests
{
    [Fact]
    public void Create_Throws_WhenThisOnnxRuntimeHasNoCuda()
    {
        // The NuGet CPU package (what this project restores by default) has no CUDA provider compiled in.
        var error = Assert.Throws<ExecutionProviderException>(() =>
            EmbeddingSessionFactory.Create(PerceptualModel.Create(), new ProviderRequest(ExecutionProviders.Cuda)));

        Assert.StartsWith("ONNX Runtime's CUDA provider is unavailable: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_RunsOnTheCpu_WhenAskedTo()
    {
        using var session = EmbeddingSessionFactory.Create(PerceptualModel.Create(), ProviderRequest.CpuOnly(intraOpThreads: 1));

        Assert.Equal(ExecutionProviders.Cpu, session.Provider);
        Assert.Equal(Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Float, session.InputType);
    }
}
