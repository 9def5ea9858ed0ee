using System.Net;
using System.Text.RegularExpressions;

namespace Crawler.Parsers.Text;

/// <summary>Finds links to images in user-written text (plain or markdown), the way editors post their results.</summary>
public static partial class ImageLinks
{
    private static readonly string[] ImageExtensions =
        [".jpg", ".jpeg", ".png", ".webp", ".gif", ".gifv", ".bmp", ".tif", ".tiff", ".heic", ".heif", ".avif"];

    // Markdown link targets end at ')' and bare links at whitespace; both stop at quotes and angle brackets.
    [GeneratedRegex(@"https?://[^\s<>""'\)\]\[]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"^/(a|gallery)/[A-Za-z0-9]+/?$|^/[A-Za-z0-9]{5,8}/?$", RegexOptions.CultureInvariant)]
    private static partial Regex ImgurPagePath();

    /// <summary>Every absolute http(s) URL in <paramref name="text"/>, in order, without repeats.</summary>
    public static IReadOnlyList<Uri> FindUrls(string text, Uri? baseUrl = null)
    {
        var found = new List<Uri>();
        foreach (Match match in UrlPattern().Matches(WebUtility.HtmlDecode(text)))
        {
            // Reddit's markdown escapes underscores and asterisks inside links.
            var raw = match.Value.Replace("\\_", "_", StringComparison.Ordinal)
                .Replace("\\*", "*", StringComparison.Ordinal)
                .TrimEnd('.', ',', ';', ':', '!', '?', '*', '~', '\\');
            if (Uri.TryCreate(baseUrl, raw, out var uri) && !found.Contains(uri))
            {
                found.Add(uri);
            }
        }
        return found;
    }

    /// <summary>Image URLs in <paramref name="text"/>: direct image files and image-host pages an image fetcher can resolve.</summary>
    public static IReadOnlyList<string> FindImages(string text, Uri? baseUrl = null) =>
        FindUrls(text, baseUrl).Where(IsImage).Select(u => u.AbsoluteUri).ToList();

    public static bool IsImage(Uri url)
    {
        if (url.Scheme is not ("http" or "https"))
        {
            return false;
        }
        var host = url.Host.ToLowerInvariant();
        if (host is "i.redd.it" or "preview.redd.it" or "i.imgur.com")
        {
            return true;
        }
        if (host is "imgur.com" or "www.imgur.com" or "m.imgur.com")
        {
            return ImgurPagePath().IsMatch(url.AbsolutePath);
        }
        var path = url.AbsolutePath;
        return ImageExtensions.Any(ext => path.EndsWith(ext, StringComparison.OrdinalIgnoreCase));
    }
}
