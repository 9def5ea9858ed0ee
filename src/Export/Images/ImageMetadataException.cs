namespace Crawler.Export.Images;

/// <summary>An image whose container structure a metadata stripper cannot walk; the message says where it broke.</summary>
public sealed class ImageMetadataException(string message) : Exception(message);
