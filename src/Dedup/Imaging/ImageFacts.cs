namespace Crawler.Dedup.Imaging;

/// <summary>What a full decode established about an image. <paramref name="Orientation"/> is the EXIF value, 1 when absent.</summary>
/// <param name="Frames">Pages of an animation (GIF, WebP); 1 for a still image. Only the first is decoded.</param>
/// <param name="Deviation">The largest per-band standard deviation of the pixels on a 0-255 scale: near 0 for a blank image.</param>
public sealed record ImageFacts(ImageFormat Format, int Width, int Height, int Orientation, int Frames, double Deviation)
{
    public bool Animated => Frames > 1;
}
