using Crawler.Dedup.Comparison;

namespace Crawler.Dedup.Tests.Comparison;

public sealed class PixelDifferenceTests
{
    [Fact]
    public void MaxBlockDifference_StaysWithinReencodingNoise_ForAResizedJpegCopy()
    {
        using var scene = TestImages.Scene(8);
        using var smaller = scene.Resize(0.75);

        var difference = PixelDifference.MaxBlockDifference(TestImages.Png(scene), TestImages.Jpeg(smaller, quality: 75));

        Assert.True(difference <= MeasuredThresholds.NoOpBlockDifference, $"difference {difference}");
    }

    [Fact]
    public void MaxBlockDifference_SeesASmallRemovedObject()
    {
        using var original = TestImages.Scene(9);
        using var edited = TestImages.Scene(9, withBall: false);

        var difference = PixelDifference.MaxBlockDifference(TestImages.Jpeg(original), TestImages.Jpeg(edited));

        // The ball is red (220, 30, 30) on grey noise around 128: its blocks shift by about 90 in red.
        Assert.True(difference > 60, $"difference {difference}");
    }
}
