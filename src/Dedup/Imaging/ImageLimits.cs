namespace Crawler.Dedup.Imaging;

/// <summary>What one image may cost: bytes, pixels (checked on the header, before any is decoded) and decode time.</summary>
public sealed record ImageLimits(long MaxBytes, long MaxPixels, TimeSpan DecodeTimeout);
