using Crawler.Dedup.Embedding;
using NetVips;

namespace Crawler.Dedup.Tests.Embedding;

public sealed class ThumbnailEmbedderTests
{
    private readonly ThumbnailEmbedder _embedder = new();

    [Fact]
    public void Embed_GivesUnitVectors_OfTheStatedDimension()
    {
        using var scene = TestImages.Scene(5);

        var vector = _embedder.Embed([TestImages.Jpeg(scene)])[0];

        Assert.Equal(_embedder.Dimensions, vector.Length);
        Assert.Equal(1.0, VectorMath.Dot(vector, vector), precision: 4);
    }

    [Fact]
    public void Embed_KeepsACopyNearTheOriginal_AfterResizeAndLowQualityJpeg()
    {
        using var scene = TestImages.Scene(6);
        using var smaller = scene.Resize(0.6);

        var vectors = _embedder.Embed([TestImages.Png(scene), TestImages.Jpeg(smaller, quality: 30)]);

        Assert.True(VectorMath.Dot(vectors[0], vectors[1]) >= 0.95, $"similarity {VectorMath.Dot(vectors[0], vectors[1])}");
    }

    [Fact]
    public void Embed_KeepsDifferentPhotosApart()
    {
        using var a = TestImages.Scene(7);
        using var b = Image.Gaussnoise(480, 360, sigma: 40, mean: 128, seed: 99).Cast(Enums.BandFormat.Uchar);

        var vectors = _embedder.Embed([TestImages.Jpeg(a), TestImages.Jpeg(b)]);

        Assert.True(VectorMath.Dot(vectors[0], vectors[1]) < 0.5, $"similarity {VectorMath.Dot(vectors[0], vectors[1])}");
    }
}
