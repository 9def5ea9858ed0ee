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

    // [label](target "title"), and the image form ![label](target).
    [GeneratedRegex(@"!?\[(?<label>[^\]]*)\]\((?<target>[^\s\)]+)(?:\s+""[^""]*"")?\)", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"[ \t]+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^/(a|gallery)/[A-Za-z0-9]+/?$|^/[A-Za-z0-9]{5,8}/?$", RegexOptions.CultureInvariant)]
    private static partial Regex ImgurPagePath();

    /// <summary>Every absolute http(s) URL in <paramref name="text"/>, in order, without repeats.</summary>
    public static IReadOnlyList<Uri> FindUrls(string text, Uri? baseUrl = null)
    {
        var found = new List<Uri>();
        foreach (Match match in UrlPattern().Matches(WebUtility.HtmlDecode(text)))
        {
            if (Uri.TryCreate(baseUrl, Unescaped(match.Value), out var uri) && !found.Contains(uri))
            {
                found.Add(uri);
            }
        }
        return found;
    }

    /// <summary>Image URLs in <paramref name="text"/>: direct image files and image-host pages an image fetcher can resolve.</summary>
    public static IReadOnlyList<string> FindImages(string text, Uri? baseUrl = null) =>
        FindUrls(text, baseUrl).Where(IsImage).Select(u => u.AbsoluteUri).ToList();

    /// <summary>
    /// The text with its image links taken out, as a caption: a markdown link to an image keeps its label (unless
    /// the label is itself a link, or alt text of an embedded image), a bare image link goes; other links stay. Lines are trimmed and blank ones dropped.
    /// </summary>
    public static string WithoutImages(string text)
    {
        var decoded = WebUtility.HtmlDecode(text);
        var labelled = MarkdownLink().Replace(decoded, m =>
            !IsImageLink(m.Groups["target"].Value) ? m.Value
            : m.Value.StartsWith('!') || UrlPattern().IsMatch(m.Groups["label"].Value) ? ""
            : m.Groups["label"].Value);
        var bare = UrlPattern().Replace(labelled, m => IsImageLink(m.Value) ? "" : m.Value);
        var lines = bare.ReplaceLineEndings("\n").Split('\n')
            .Select(line => Spaces().Replace(line, " ").Trim())
            .Where(line => line.Length > 0);
        return string.Join("\n", lines);
    }

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

    private static bool IsImageLink(string raw) => Uri.TryCreate(Unescaped(raw), UriKind.Absolute, out var uri) && IsImage(uri);

    // Reddit's markdown escapes underscores and asterisks inside links; sentence punctuation after a bare link is not part of it.
    private static string Unescaped(string raw) =>
        raw.Replace("\\_", "_", StringComparison.Ordinal)
            .Replace("\\*", "*", StringComparison.Ordinal)
            .TrimEnd('.', ',', ';', ':', '!', '?', '*', '~', '\\');
}
