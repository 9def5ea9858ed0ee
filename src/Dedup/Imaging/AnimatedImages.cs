namespace Crawler.Dedup.Imaging;

/// <summary>What an animated GIF or WebP becomes: its first frame, or nothing.</summary>
public enum AnimatedImages
{
    FirstFrame,
    Skip,
}
