using System.Text.RegularExpressions;

namespace Crawler.Worker.Images;

/// <summary>
/// The shapes of imgur links: direct files on i.imgur.com, single-image pages, albums (<c>/a/ID</c>) and
/// gallery posts (<c>/gallery/ID</c> or <c>/gallery/title-words-ID</c>).
/// </summary>
public static partial class ImgurLinks
{
    public enum Kind
    {
        NotImgur,
        File,
        Page,
        Album,
        Gallery,
    }

    [GeneratedRegex(@"^/(?<id>[A-Za-z0-9]{5,10})(?<ext>\.[A-Za-z0-9]+)?/?$", RegexOptions.CultureInvariant)]
    private static partial Regex SingleImage();

    [GeneratedRegex(@"^/(?<kind>a|gallery|t/[^/]+)/(?:[^/]*-)?(?<id>[A-Za-z0-9]{5,10})/?$", RegexOptions.CultureInvariant)]
    private static partial Regex Collection();

    /// <summary>Video forms of an animated upload: no still image lives at these URLs.</summary>
    public static bool IsVideo(string extension) => extension.ToLowerInvariant() is ".gifv" or ".mp4" or ".webm";

    public static (Kind Kind, string Id, string Extension) Classify(Uri url)
    {
        var host = url.Host.ToLowerInvariant();
        if (host is not ("imgur.com" or "www.imgur.com" or "m.imgur.com" or "i.imgur.com"))
        {
            return (Kind.NotImgur, "", "");
        }
        if (SingleImage().Match(url.AbsolutePath) is { Success: true } single)
        {
            var extension = single.Groups["ext"].Value;
            return (host == "i.imgur.com" || extension.Length > 0 ? Kind.File : Kind.Page, single.Groups["id"].Value, extension);
        }
        if (host != "i.imgur.com" && Collection().Match(url.AbsolutePath) is { Success: true } collection)
        {
            return (collection.Groups["kind"].Value == "a" ? Kind.Album : Kind.Gallery, collection.Groups["id"].Value, "");
        }
        return (Kind.NotImgur, "", "");
    }

    /// <summary>
    /// The still image of an upload: the file itself, or for a gifv/mp4 the 'h' (1024 px) thumbnail that
    /// imgur's API documents for every image, which for an animation is its first frame as a JPEG.
    /// </summary>
    public static Uri Still(string scheme, string id, string extension) =>
        new($"{scheme}://i.imgur.com/{id}{(IsVideo(extension) ? "h.jpg" : extension.Length == 0 ? ".jpg" : extension)}");
}
