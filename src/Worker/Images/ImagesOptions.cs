using System.ComponentModel.DataAnnotations;
using Crawler.Dedup.Imaging;

namespace Crawler.Worker.Images;

/// <summary>Gates an image must pass to be used, and what one decode may cost; bound from <c>Images</c>.</summary>
public sealed class ImagesOptions
{
    public const string Section = "Images";

    /// <summary>Images whose short side is smaller are not used (SEED-X's loader drops those under 400 px).</summary>
    [Range(1, 100_000)]
    public int MinShortSide { get; set; } = 256;

    /// <summary>Long side over short side; panoramas and strips beyond this are not used.</summary>
    [Range(1.0, 100.0)]
    public double MaxAspectRatio { get; set; } = 4.0;

    /// <summary>Decoding stops at the header beyond this many pixels (decompression bombs).</summary>
    [Range(1, 1_000_000_000)]
    public long MaxPixels { get; set; } = 100_000_000;

    /// <summary>A decode still running after this long is stopped and the image refused.</summary>
    [Range(1, 600)]
    public int DecodeTimeoutSeconds { get; set; } = 30;

    /// <summary>Animated GIF/WebP (and imgur gifv/mp4): use the first frame, or skip them.</summary>
    public AnimatedImages Animated { get; set; } = AnimatedImages.FirstFrame;

    /// <summary>Images whose pixels vary less than this (standard deviation, 0-255) are near-blank and not used.</summary>
    [Range(0.0, 128.0)]
    public double NearBlankMaxDeviation { get; set; } = 2.0;

    /// <param name="maxBytes">The byte cap of a download (<c>Fetch:MaxImageBytes</c>), which a file must keep too.</param>
    public ImageLimits Limits(long maxBytes) => new(maxBytes, MaxPixels, TimeSpan.FromSeconds(DecodeTimeoutSeconds));

    public QualityThresholds Thresholds => new(MinShortSide, MaxAspectRatio, Animated, NearBlankMaxDeviation);
}
