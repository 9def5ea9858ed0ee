namespace Crawler.Worker.Images;

/// <summary>
/// The one download an image link stands for. When the link is an album, <paramref name="Url"/> is its first
/// image and <paramref name="AlbumOthers"/> lists the rest in album order: a pair has one target image, and the
/// poster put first what they meant first; the others are recorded, not fetched.
/// </summary>
public sealed record ImageTarget(Uri Url, IReadOnlyList<string> AlbumOthers)
{
    public static ImageTarget Direct(Uri url) => new(url, []);
}
