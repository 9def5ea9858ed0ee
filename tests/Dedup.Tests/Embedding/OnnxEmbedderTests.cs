using Crawler.Dedup.Embedding;
using Crawler.Dedup.Imaging;
using Crawler.Dedup.Onnx;
using NetVips;

namespace Crawler.Dedup.Tests.Embedding;

public sealed class OnnxEmbedderTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Embed_FeedsTheModelNormalisedPixels_InItsOwnElementType(bool half)
    {
        var element = half ? OnnxElementType.Float16 : OnnxElementType.Float;
        // A learned model's preprocessing: (pixel / 255 - mean) / std per channel.
        var model = TestModels.ChannelMeans(element, mean: [0.5f, 0f, 0f], std: [0.5f, 1f, 0.25f]);
        using var embedder = new OnnxEmbedder(EmbeddingSessionFactory.Create(model, ProviderRequest.CpuOnly()), new EmbedderSettings());
        using var black = Image.Black(40, 30);
        using var plain = black.NewFromImage([255, 51, 51]).Cast(Enums.BandFormat.Uchar);

        var vector = embedder.Embed([plain.PngsaveBuffer()])[0];

        // (1 - 0.5) / 0.5 = 1, 0.2 / 1 = 0.2, 0.2 / 0.25 = 0.8; then scaled to unit length.
        var norm = MathF.Sqrt(1f + 0.04f + 0.64f);
        Assert.Equal([1f / norm, 0.2f / norm, 0.8f / norm], vector, new ToleranceComparer(element == OnnxElementType.Float ? 1e-5f : 2e-3f));
    }

    [Fact]
    public void Embed_GivesTheSameVectors_InOneBatchOrSplitAcrossBatches()
    {
        var images = Scenes(20, 7);
        using var whole = Built(new EmbedderSettings(BatchSize: 8, DecodeThreads: 2));
        using var split = Built(new EmbedderSettings(BatchSize: 2, DecodeThreads: 1));
        // Four batches, two decoding ahead of the one that runs.
        using var ahead = Built(new EmbedderSettings(BatchSize: 2, DecodeThreads: 2));

        var a = whole.Embed(images);
        var b = split.Embed(images);
        var c = ahead.Embed(images);

        Assert.All(Enumerable.Range(0, images.Count), i => Assert.Equal(a[i], b[i], new ToleranceComparer(1e-5f)));
        Assert.All(Enumerable.Range(0, images.Count), i => Assert.Equal(a[i], c[i], new ToleranceComparer(1e-5f)));
    }

    [Fact]
    public void Embed_NamesABadImageInALaterBatch_AndStaysUsable()
    {
        var images = Scenes(40, 5);
        using var embedder = Built(new EmbedderSettings(BatchSize: 2, DecodeThreads: 2));
        var expected = embedder.Embed(images);

        var error = Assert.Throws<ImageRejectedException>(() => embedder.Embed([.. images, "not an image"u8.ToArray()]));
        var again = embedder.Embed(images);

        Assert.StartsWith("image 5 could not be decoded", error.Message, StringComparison.Ordinal);
        Assert.All(Enumerable.Range(0, images.Count), i => Assert.Equal(expected[i], again[i], new ToleranceComparer(1e-6f)));
    }

    [Fact]
    public void Embed_RejectsABatch_NamingTheImageThatIsNotOne()
    {
        using var scene = TestImages.Scene(30);
        using var embedder = Built(new EmbedderSettings(DecodeThreads: 2));

        var error = Assert.Throws<ImageRejectedException>(() => embedder.Embed([TestImages.Jpeg(scene), "<html>gone</html>"u8.ToArray()]));

        Assert.StartsWith("image 1 could not be decoded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Embed_FlattensTransparencyOntoWhite_AndTreatsGreyAsColourless()
    {
        using var embedder = Built(new EmbedderSettings());
        using var scene = TestImages.Scene(31);
        using var grey = scene.Colourspace(Enums.Interpretation.Bw);
        using var greyAsRgb = grey.Colourspace(Enums.Interpretation.Srgb);
        using var black = Image.Black(scene.Width, scene.Height);
        using var alpha = black.NewFromImage(255).Cast(Enums.BandFormat.Uchar);
        using var withAlpha = scene.Bandjoin(alpha);

        var vectors = embedder.Embed([TestImages.Png(grey), TestImages.Png(greyAsRgb), TestImages.Png(withAlpha), TestImages.Png(scene)]);

        Assert.True(VectorMath.Dot(vectors[0], vectors[1]) > 0.9999f, "a one-band grey image differs from its RGB copy");
        Assert.True(VectorMath.Dot(vectors[2], vectors[3]) > 0.9999f, "an opaque alpha channel changed the vector");
    }

    private static List<byte[]> Scenes(int firstSeed, int count) =>
        [.. Enumerable.Range(firstSeed, count).Select(seed =>
        {
            using var scene = TestImages.Scene(seed);
            return TestImages.Jpeg(scene);
        })];

    private static OnnxEmbedder Built(EmbedderSettings settings) =>
        new(EmbeddingSessionFactory.Create(PerceptualModel.Create(), ProviderRequest.CpuOnly()), settings);
}
