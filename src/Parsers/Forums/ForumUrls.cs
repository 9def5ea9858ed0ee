namespace Crawler.Parsers.Forums;

/// <summary>Turns a link found in a page into an absolute http(s) URL.</summary>
internal static class ForumUrls
{
    /// <returns>Null for an empty link, a non-http(s) one (data:, javascript:), or a relative one without a page URL to resolve it against.</returns>
    public static string? Resolve(string? raw, Uri? pageUrl)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        raw = raw.Trim();
        // On Unix "/path" parses as an absolute file: URI, so only a link with a scheme counts as absolute here.
        if (raw.Contains("://", StringComparison.Ordinal) || raw.StartsWith("//", StringComparison.Ordinal))
        {
            var absolute = raw.StartsWith("//", StringComparison.Ordinal) ? (pageUrl?.Scheme ?? "https") + ":" + raw : raw;
            return Uri.TryCreate(absolute, UriKind.Absolute, out var uri) && IsWeb(uri) ? uri.AbsoluteUri : null;
        }
        if (pageUrl is null || raw.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || raw.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return Uri.TryCreate(raw, UriKind.Relative, out var relative) && Uri.TryCreate(pageUrl, relative, out var resolved) && IsWeb(resolved)
            ? resolved.AbsoluteUri
            : null;
    }

    private static bool IsWeb(Uri uri) => uri.Scheme is "http" or "https";
}
