using Crawler.Dedup.Comparison;
using Crawler.Dedup.Embedding;
using NetVips;

namespace Crawler.Dedup.Tests.Comparison;

/// <summary>
/// The rule that makes two originals one cluster, on pictures of one composition: a repost keeps its colours
/// through re-encoding, resizing, cropping, mirroring, a small rotation or a caption; another picture of the
/// same layout does not, even where its embedding and its registered edges come close.
/// </summary>
public sealed class DuplicateRuleTests : IDisposable
{
    private static readonly double[] Grey = [110, 110, 115];
    private static readonly double[] DarkGreen = [40, 70, 40];
    private static readonly double[] Olive = [90, 120, 70];
    private static readonly double[] Green = [70, 140, 60];
    private static readonly double[] Brown = [120, 80, 40];
    private static readonly double[] Red = [210, 40, 40];
    private static readonly double[] Pink = [200, 80, 160];
    private static readonly double[] Orange = [240, 140, 30];
    private static readonly double[] White = [245, 245, 245];

    /// <summary>Grey ground, brown tower, pink ball, orange box.</summary>
    private static readonly Landscape Original = new(Grey, Brown, Pink, Orange);

    private readonly OnnxEmbedder _embedder = new(EmbeddingSessionFactory.Create(PerceptualModel.Create(), ProviderRequest.CpuOnly()), new EmbedderSettings());

    private static readonly Dictionary<string, Landscape> SameLayoutOtherPictures = new()
    {
        // The demo's dm013 and dm030: one layout, another ground and two objects in other colours.
        ["dark-green ground, red tower, brown ball"] = Original with { Ground = DarkGreen, Tower = Red, Ball = Brown },
        // The ground and the sky barely change: only the objects' colours tell the pictures apart.
        ["olive ground, white tower, red ball, pink box"] = Original with { Ground = Olive, Tower = White, Ball = Red, Box = Pink },
        ["mirrored, same colours but a green ground"] = Original with { Ground = Green, Mirrored = true },
        ["mirrored, green ground, red tower, orange ball, pink box"] = Original with { Ground = Green, Tower = Red, Ball = Orange, Box = Pink, Mirrored = true },
    };

    private static readonly Dictionary<string, Func<Image, byte[]>> Reposts = new()
    {
        ["downsized to 90%, JPEG q85"] = image => Encoded(image.Resize(0.9), 85),
        ["JPEG quality 30"] = image => Encoded(image.Copy(), 30),
        ["cropped to 85%"] = image => Encoded(image.ExtractArea(40, 10, 544, 408), 90),
        ["mirrored"] = image => Encoded(image.FlipHor(), 90),
        ["turned 4 degrees and cropped"] = image => Encoded(Turned(image, 4), 90),
        // The evaluation's caption: half the width, a twelfth of the height, near the bottom.
        ["small caption"] = image => Encoded(Captioned(image, image.Width / 2, image.Height / 12, image.Width / 4, image.Height - (image.Height / 8)), 90),
        ["corner watermark"] = image => Encoded(Captioned(image, image.Width / 4, image.Height / 20, image.Width - (image.Width / 4) - 12, image.Height - (image.Height / 20) - 12), 90),
    };

    public static TheoryData<string> OtherPictures => [.. SameLayoutOtherPictures.Keys];

    public static TheoryData<string> RepostChanges => [.. Reposts.Keys];

    [Theory]
    [MemberData(nameof(OtherPictures))]
    public void Confirms_IsFalse_ForAnotherPictureOfTheSameLayout(string change)
    {
        using var a = Original.Render();
        using var b = SameLayoutOtherPictures[change].Render(seed: 8);

        var match = ImageRegistration.Between(TestImages.Jpeg(a), TestImages.Jpeg(b));

        Assert.True(match.Colour < MeasuredThresholds.DuplicateColour, $"{change}: colour {match.Colour}");
        Assert.False(DuplicateRule.Measured.Confirms(match), $"{change}: edges {match.Structure}, colour {match.Colour}");
    }

    [Fact]
    public void Confirms_IsFalse_ForTheDemosFalseRepost_ThoughEmbeddingsAndEdgesAgree()
    {
        // The demo's dm013 and dm030: one layout, a grey against a dark-green ground, a pink against a brown ball,
        // a brown against a red tower. Close embeddings and lined-up edges used to make them one cluster.
        using var a = Original.Render();
        using var b = (Original with { Ground = DarkGreen, Tower = Red, Ball = Brown }).Render(seed: 8);
        var (first, second) = (TestImages.Jpeg(a), TestImages.Jpeg(b));

        var vectors = _embedder.Embed([first, second]);
        var match = ImageRegistration.Between(first, second);

        Assert.True(DuplicateRule.Measured.Proposes(VectorMath.Dot(vectors[0], vectors[1])), $"similarity {VectorMath.Dot(vectors[0], vectors[1])}");
        Assert.True(match.Structure >= MeasuredThresholds.DuplicateStructure, $"edges {match.Structure}");
        Assert.False(DuplicateRule.Measured.Confirms(match), $"colour {match.Colour}");
    }

    [Theory]
    [MemberData(nameof(RepostChanges))]
    public void Confirms_IsTrue_ForARepostOfThePicture(string change)
    {
        using var picture = Original.Render();
        var (original, copy) = (TestImages.Jpeg(picture), Reposts[change](picture));

        var vectors = _embedder.Embed([original, copy]);
        var match = ImageRegistration.Between(original, copy);

        Assert.True(DuplicateRule.Measured.Proposes(VectorMath.Dot(vectors[0], vectors[1])), $"{change}: similarity {VectorMath.Dot(vectors[0], vectors[1])}");
        Assert.True(DuplicateRule.Measured.Confirms(match), $"{change}: edges {match.Structure}, colour {match.Colour}");
    }

    [Fact]
    public void Confirms_IsFalse_ForAHueShiftedCopy_WhoseEdgesStillLineUp()
    {
        using var picture = Original.Render();
        using var lch = picture.Colourspace(Enums.Interpretation.Lch);
        using var turned = lch.Linear([1, 1, 1], [0, 0, 180]);
        using var shifted = turned.Colourspace(Enums.Interpretation.Srgb).Cast(Enums.BandFormat.Uchar);

        var match = ImageRegistration.Between(TestImages.Jpeg(picture), TestImages.Jpeg(shifted));

        // A strong hue shift is a large edit (issue 7): the same shapes, other colours.
        Assert.True(match.Structure >= MeasuredThresholds.DuplicateStructure, $"edges {match.Structure}");
        Assert.True(match.Colour < MeasuredThresholds.DuplicateColour, $"colour {match.Colour}");
    }

    public void Dispose() => _embedder.Dispose();

    private static byte[] Encoded(Image image, int quality)
    {
        using (image)
        {
            return TestImages.Jpeg(image, quality);
        }
    }

    private static Image Turned(Image image, double degrees)
    {
        using var rotated = image.Rotate(degrees);
        // The largest centred 4:3 rectangle without the corners the rotation fills in.
        var keep = 1 / (Math.Cos(degrees * Math.PI / 180) + (Math.Sin(degrees * Math.PI / 180) * 4 / 3));
        var (w, h) = ((int)(image.Width * keep), (int)(image.Height * keep));
        return rotated.ExtractArea((rotated.Width - w) / 2, (rotated.Height - h) / 2, w, h);
    }

    private static Image Captioned(Image image, int width, int height, int x, int y)
    {
        using var text = Image.Text("<b>@daily_pics</b>", font: "sans", width: width, height: height);
        using var shadow = text.Gaussblur(1.5);
        return image.Mutate(canvas =>
        {
            canvas.DrawMask([0.0, 0.0, 0.0], shadow, x + 1, y + 1);
            canvas.DrawMask([255.0, 255.0, 255.0], text, x, y);
        });
    }
}
