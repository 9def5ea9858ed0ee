namespace Crawler.Export.Images;

/// <summary>When and how an image is re-encoded for export.</summary>
/// <param name="LargeImageBytes">Downloads above this size are re-encoded (and shrunk to <paramref name="LargeImageMaxSide"/>).</param>
/// <param name="LargeImageQuality">JPEG/WebP quality for large images.</param>
/// <param name="LargeImageMaxSide">Longest side, in pixels, of a re-encoded large image.</param>
public sealed record ImageCleaningSettings(long LargeImageBytes, int LargeImageQuality, int LargeImageMaxSide);
