namespace Crawler.Dedup.Imaging;

/// <summary>What a full decode established about an image. <paramref name="Orientation"/> is the EXIF value, 1 when absent.</summary>
public sealed record ImageFacts(ImageFormat Format, int Width, int Height, int Orientation, int Frames);
