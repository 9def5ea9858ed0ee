using System.Text.RegularExpressions;

namespace Crawler.Parsers.Wayback;

/// <summary>
/// Wayback Machine replay URLs: <c>{archive}web/{timestamp}{modifier_}/{original}</c>. The <c>id_</c> modifier
/// replays the capture's bytes as archived; without it the archive adds its toolbar and rewrites every link.
/// </summary>
public static partial class ArchivedUrl
{
    /// <summary>
    /// Reads the capture time (1 to 14 digits, as written) and the original URL from a replay URL, whatever its
    /// modifier. An original without a scheme, or with "http:/" (a slash lost by a browser or proxy that
    /// merges slashes), reads as the archive reads it: http.
    /// </summary>
    public static bool TryParse(Uri url, out string timestamp, out string original)
    {
        timestamp = original = "";
        if (!url.IsAbsoluteUri || Replay().Match(url.PathAndQuery) is not { Success: true } match)
        {
            return false;
        }
        var target = match.Groups["original"].Value;
        if (SchemeWithOneSlash().Match(target) is { Success: true } oneSlash)
        {
            target = oneSlash.Groups["scheme"].Value + "://" + target[oneSlash.Length..];
        }
        else if (!target.Contains("://", StringComparison.Ordinal))
        {
            target = "http://" + target;
        }
        if (!Uri.TryCreate(target, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
        {
            return false;
        }
        timestamp = match.Groups["timestamp"].Value;
        original = target;
        return true;
    }

    /// <summary>The capture of <paramref name="original"/> at <paramref name="timestamp"/>, raw (<c>id_</c>).</summary>
    public static Uri Raw(Uri archiveBase, string timestamp, string original) =>
        new($"{archiveBase.AbsoluteUri.TrimEnd('/')}/web/{timestamp}id_/{WithoutFragment(original)}");

    /// <summary>
    /// Where to fetch a link found in a page captured at <paramref name="captureTimestamp"/>: the raw replay of
    /// the linked resource at that time (the archive redirects to its nearest capture). A link that is already a
    /// replay URL (absolute on the archive, or root-relative <c>/web/...</c>) keeps its own timestamp, the
    /// capture the archive itself chose, and becomes raw. A protocol-relative link is taken as http (the
    /// archive's keys ignore the scheme). data:, mailto:, javascript: and other links that are not http(s), and
    /// relative links (which the caller must resolve against the original page URL first), come back unchanged.
    /// </summary>
    public static string MapLink(Uri archiveBase, string captureTimestamp, string link)
    {
        var trimmed = link.Trim();
        if (trimmed.StartsWith("/web/", StringComparison.Ordinal) && Uri.TryCreate(archiveBase, trimmed, out var rooted))
        {
            return TryParse(rooted, out var ts, out var original) ? Raw(archiveBase, ts, original).AbsoluteUri : link;
        }
        if (trimmed.StartsWith("//", StringComparison.Ordinal))
        {
            trimmed = "http:" + trimmed;
        }
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var absolute) || absolute.Scheme is not ("http" or "https"))
        {
            return link;
        }
        if (SameAuthority(absolute, archiveBase) && TryParse(absolute, out var archivedAt, out var archived))
        {
            return Raw(archiveBase, archivedAt, archived).AbsoluteUri;
        }
        return Raw(archiveBase, captureTimestamp, trimmed).AbsoluteUri;
    }

    private static bool SameAuthority(Uri a, Uri b) =>
        string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

    /// <summary>The fragment never reaches a server, and a '#' in a replay path would cut the original short.</summary>
    private static string WithoutFragment(string url) => url.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0 ? url[..hash] : url;

    [GeneratedRegex(@"^/web/(?<timestamp>[0-9]{1,14})(?:[a-z]{2}_)?/(?<original>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Replay();

    [GeneratedRegex(@"^(?<scheme>https?):/(?!/)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SchemeWithOneSlash();
}
