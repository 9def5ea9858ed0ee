namespace Crawler.Export.Images;

/// <summary>An image as downloaded and stored, with what the fetch stage's full decode recorded about it.</summary>
/// <param name="Format">The sniffed container, lower case: <c>jpeg</c>, <c>png</c>, <c>webp</c>, <c>gif</c>, ...</param>
/// <param name="Orientation">The EXIF orientation, 1 when absent or upright.</param>
public sealed record SourceImage(byte[] Bytes, string Format, int Width, int Height, int Orientation);
