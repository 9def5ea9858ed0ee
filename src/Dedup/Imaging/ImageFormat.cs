namespace Crawler.Dedup.Imaging;

/// <summary>Image containers recognised from their first bytes, whatever the server claimed.</summary>
public enum ImageFormat
{
    Unknown,
    Jpeg,
    Png,
    Gif,
    WebP,
    Bmp,
    Tiff,
    Heif,
    Avif,
}
