using Crawler.Dedup.Embedding;
using Crawler.Dedup.Onnx;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Crawler.Dedup.Tests.Embedding;

/// <summary>On the CPU a staging buffer is plain host memory; what it holds and refuses is the same on CUDA.</summary>
public sealed class InputStagingTests
{
    [Fact]
    public void CreateStaging_HoldsTheImagesOfTheModelsInput_InItsElementType()
    {
        using var session = EmbeddingSessionFactory.Create(TestModels.ChannelMeans(OnnxElementType.Float16, [0f, 0f, 0f], [1f, 1f, 1f], side: 8), ProviderRequest.CpuOnly());

        using var staging = session.CreateStaging(5);

        Assert.Equal(TensorElementType.Float16, staging.ElementType);
        Assert.Equal(5 * 3 * 8 * 8, staging.Length);
        Assert.Equal(staging.Length, staging.Halves.Length);
        Assert.Equal("host memory", staging.Memory);
        Assert.Throws<InvalidOperationException>(() => staging.Floats.Length);
    }

    [Fact]
    public void Run_ReadsOnlyTheImagesAskedFor_FromAFilledBuffer()
    {
        using var session = EmbeddingSessionFactory.Create(TestModels.ChannelMeans(OnnxElementType.Float, [0f, 0f, 0f], [1f, 1f, 1f], side: 4), ProviderRequest.CpuOnly());
        using var staging = session.CreateStaging(3);
        // Image i is the plain colour (i + 1, 2, 0): after normalising, a vector that differs per image.
        for (var image = 0; image < 3; image++)
        {
            staging.Floats.Slice((image * 48) + 0, 16).Fill(image + 1);
            staging.Floats.Slice((image * 48) + 16, 16).Fill(2);
            staging.Floats.Slice((image * 48) + 32, 16).Clear();
        }

        var vectors = session.Run(staging, 2);

        Assert.Equal(2, vectors.Length);
        Assert.Equal([1 / MathF.Sqrt(5), 2 / MathF.Sqrt(5), 0f], vectors[0], new ToleranceComparer(1e-6f));
        Assert.Equal([2 / MathF.Sqrt(8), 2 / MathF.Sqrt(8), 0f], vectors[1], new ToleranceComparer(1e-6f));
    }

    [Fact]
    public void Run_Refuses_MoreImagesThanTheBufferHolds()
    {
        using var session = EmbeddingSessionFactory.Create(PerceptualModel.Create(), ProviderRequest.CpuOnly());
        using var staging = session.CreateStaging(2);

        var error = Assert.Throws<ArgumentException>(() => session.Run(staging, 3));

        Assert.Contains("3 images", error.Message, StringComparison.Ordinal);
    }
}
