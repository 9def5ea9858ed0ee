using Crawler.Dedup.Comparison;
using Crawler.Dedup.Embedding;
using NetVips;

namespace Crawler.Dedup.Tests.Embedding;

public sealed class PerceptualModelTests : IDisposable
{
    private readonly OnnxEmbedder _embedder = new(EmbeddingSessionFactory.Create(PerceptualModel.Create(), ProviderRequest.CpuOnly()), new EmbedderSettings());

    [Fact]
    public void Embed_GivesUnitVectors_OfTheStatedDimension()
    {
        using var scene = TestImages.Scene(5);

        var vector = _embedder.Embed([TestImages.Jpeg(scene)])[0];

        Assert.Equal(_embedder.Dimensions, vector.Length);
        Assert.Equal(1.0, VectorMath.Dot(vector, vector), precision: 4);
        Assert.Equal(PerceptualModel.Id, _embedder.ModelId);
    }

    [Fact]
    public void Embed_GivesAMirrorImageAlmostTheSameVector()
    {
        using var scene = TestImages.Scene(12);
        using var mirrored = scene.FlipHor();

        var vectors = _embedder.Embed([TestImages.Png(scene), TestImages.Png(mirrored)]);

        // Identical up to resampling: libvips' shrink is not exactly symmetric left to right.
        Assert.True(VectorMath.Dot(vectors[0], vectors[1]) > 0.999f, $"similarity {VectorMath.Dot(vectors[0], vectors[1])}");
    }

    [Fact]
    public void Embed_KeepsACopyNearTheOriginal_AfterResizeAndLowQualityJpeg()
    {
        using var scene = TestImages.Scene(6);
        using var smaller = scene.Resize(0.6);

        var vectors = _embedder.Embed([TestImages.Png(scene), TestImages.Jpeg(smaller, quality: 30)]);

        Assert.True(VectorMath.Dot(vectors[0], vectors[1]) >= MeasuredThresholds.NearDuplicate, $"similarity {VectorMath.Dot(vectors[0], vectors[1])}");
    }

    [Fact]
    public void Embed_KeepsDifferentPhotosApart_AndAStrongHueShiftOutOfTheCluster()
    {
        using var a = TestImages.Scene(7);
        using var b = TestImages.Scene(8);
        using var lch = a.Colourspace(Enums.Interpretation.Lch);
        using var turned = lch.Linear([1, 1, 1], [0, 0, 180]);
        using var hueShifted = turned.Colourspace(Enums.Interpretation.Srgb).Cast(Enums.BandFormat.Uchar);

        var vectors = _embedder.Embed([TestImages.Jpeg(a), TestImages.Jpeg(b), TestImages.Jpeg(hueShifted)]);

        Assert.True(VectorMath.Dot(vectors[0], vectors[1]) < MeasuredThresholds.NearDuplicate, $"different scenes: similarity {VectorMath.Dot(vectors[0], vectors[1])}");
        Assert.True(VectorMath.Dot(vectors[0], vectors[2]) < MeasuredThresholds.NearDuplicate, $"hue shift: similarity {VectorMath.Dot(vectors[0], vectors[2])}");
    }

    public void Dispose() => _embedder.Dispose();
}
