namespace Crawler.Dedup.Imaging;

/// <summary>What one decode may cost: pixels (checked on the header, before any is decoded) and time.</summary>
public sealed record ImageLimits(long MaxPixels, TimeSpan DecodeTimeout);
