using Crawler.Dedup.Imaging;

namespace Crawler.Dedup.Tests.Imaging;

public sealed class QualityGateTests
{
    private static readonly QualityThresholds Thresholds = new(MinShortSide: 400, MaxAspectRatio: 4.0, AnimatedImages.FirstFrame, NearBlankDeviation: 2.0);

    [Fact]
    public void Reject_PassesAnOrdinaryPhoto() =>
        Assert.Null(new QualityGate(Thresholds).Reject(Facts(1024, 768)));

    [Fact]
    public void Reject_RefusesAnImageUnderTheMinimumShortSide() =>
        Assert.Equal("too small: short side 399 px is under 400 px", new QualityGate(Thresholds).Reject(Facts(399, 1000)));

    [Fact]
    public void Reject_RefusesAStripBeyondTheAspectBound() =>
        Assert.Equal("aspect ratio 5.0 exceeds 4.0", new QualityGate(Thresholds).Reject(Facts(5000, 1000)));

    [Fact]
    public void Reject_RefusesANearBlankImage() =>
        Assert.Equal("near-blank: pixel deviation 0.50 is under 2.00", new QualityGate(Thresholds).Reject(Facts(800, 600, deviation: 0.5)));

    [Fact]
    public void Reject_KeepsTheFirstFrameOfAnAnimation_ByDefault() =>
        Assert.Null(new QualityGate(Thresholds).Reject(Facts(800, 600, frames: 12)));

    [Fact]
    public void Reject_RefusesAnAnimation_WhenAnimationsAreSkipped() =>
        Assert.Equal("animated: 12 frames, and animated images are skipped", new QualityGate(Thresholds with { Animated = AnimatedImages.Skip }).Reject(Facts(800, 600, frames: 12)));

    private static ImageFacts Facts(int width, int height, int frames = 1, double deviation = 40) =>
        new(ImageFormat.Jpeg, width, height, 1, frames, deviation);
}
