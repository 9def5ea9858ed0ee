using System.Globalization;

namespace Crawler.Dedup.Imaging;

/// <summary>Decides whether a decoded image is good enough to train on; the reason is recorded when it is not.</summary>
public sealed class QualityGate(QualityThresholds thresholds)
{
    /// <returns>Null when the image passes, else why it does not.</returns>
    public string? Reject(ImageFacts facts)
    {
        var (shortSide, longSide) = (Math.Min(facts.Width, facts.Height), Math.Max(facts.Width, facts.Height));
        if (shortSide < thresholds.MinShortSide)
        {
            return Invariant($"too small: short side {shortSide} px is under {thresholds.MinShortSide} px");
        }
        if ((double)longSide / shortSide > thresholds.MaxAspectRatio)
        {
            return Invariant($"aspect ratio {(double)longSide / shortSide:0.0} exceeds {thresholds.MaxAspectRatio:0.0}");
        }
        if (facts.Animated && thresholds.Animated == AnimatedImages.Skip)
        {
            return Invariant($"animated: {facts.Frames} frames, and animated images are skipped");
        }
        if (facts.Deviation < thresholds.NearBlankDeviation)
        {
            return Invariant($"near-blank: pixel deviation {facts.Deviation:0.00} is under {thresholds.NearBlankDeviation:0.00}");
        }
        return null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
