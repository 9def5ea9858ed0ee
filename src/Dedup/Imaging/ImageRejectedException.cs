namespace Crawler.Dedup.Imaging;

/// <summary>Bytes that are not a usable image: not an image at all, corrupt, or too large. The message is the recorded reason.</summary>
public sealed class ImageRejectedException : Exception
{
    public ImageRejectedException(string message) : base(message) { }

    public ImageRejectedException(string message, Exception inner) : base(message, inner) { }
}
