using System.ComponentModel.DataAnnotations;

namespace Crawler.Worker.Pipeline.Stages;

/// <summary>Gates an image must pass to be used; bound from <c>Images</c>.</summary>
public sealed class ImageQualityOptions
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
}
