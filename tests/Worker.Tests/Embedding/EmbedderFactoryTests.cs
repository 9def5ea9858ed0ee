using Crawler.Dedup.Embedding;
using Crawler.TestSupport;
using Crawler.Worker.Embedding;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Tests.Embedding;

public sealed class EmbedderFactoryTests
{
    [Fact]
    public void Create_RunsOnTheCpu_WithOneWarning_WhenThisOnnxRuntimeHasNoCuda()
    {
        var logger = new RecordingLogger<EmbedderFactory>();
        var options = Options.Create(new EmbeddingOptions { Provider = "Cuda" });

        using var embedder = new EmbedderFactory(options, logger).Create();

        Assert.Equal(ExecutionProviders.Cpu, embedder.Provider);
        var warning = Assert.Single(logger.Records, r => r.Level == LogLevel.Warning);
        Assert.StartsWith("Embedding on the CPU: CUDA was configured but ONNX Runtime's CUDA provider is unavailable: ", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_LoadsAModelFile_WithItsOwnIdAndNormalisation()
    {
        using var dir = new TempDir();
        var path = dir.Combine("model.onnx");
        File.WriteAllBytes(path, PerceptualModel.Create().Onnx);
        var options = Options.Create(new EmbeddingOptions { Model = path, ModelId = "my-model-v2", InputSize = 32, InputName = "image", OutputName = "embedding" });

        using var embedder = new EmbedderFactory(options, new RecordingLogger<EmbedderFactory>()).Create();

        Assert.Equal("my-model-v2", embedder.ModelId);
        Assert.Equal(ExecutionProviders.Cpu, embedder.Provider);
    }
}
