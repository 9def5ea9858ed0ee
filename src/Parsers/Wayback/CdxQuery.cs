using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Crawler.Parsers.Wayback;

/// <summary>
/// A CDX API search for the successful captures under a URL, one row per distinct URL (collapsed on the
/// urlkey, so a page captured a hundred times is listed once), paged with the API's resume key.
/// </summary>
public sealed class CdxQuery(Uri archiveBase, string urlPattern)
{
    /// <summary>The columns asked for, in the order <see cref="CdxPage.Parse"/> expects to find named in the header.</summary>
    public const string Fields = "urlkey,timestamp,original,mimetype,statuscode,digest";

    public CdxMatchType MatchType { get; init; } = CdxMatchType.Prefix;

    /// <summary>Rows per page; the archive answers at most a few thousand anyway.</summary>
    public int Limit { get; init; } = 1000;

    /// <summary>Earliest capture time wanted, 1 to 14 digits of <c>yyyyMMddHHmmss</c> (the archive pads it).</summary>
    public string? From { get; init; }

    /// <summary>Only captures of this exact MIME type (<c>text/html</c>), when set.</summary>
    public string? MimeType { get; init; }

    /// <param name="resumeKey">The previous page's <see cref="CdxPage.ResumeKey"/>, or null for the first page.</param>
    /// <exception cref="ArgumentException"><see cref="Limit"/> is not positive or <see cref="From"/> is not a timestamp prefix.</exception>
    public Uri Url(string? resumeKey)
    {
        if (Limit <= 0)
        {
            throw new ArgumentException($"CDX limit must be positive, not {Limit}", nameof(resumeKey));
        }
        if (From is not null && !CdxTimestamp.IsPrefix(From))
        {
            throw new ArgumentException($"CDX 'from' must be 1 to 14 digits of yyyyMMddHHmmss, not '{From}'", nameof(resumeKey));
        }
        var query = new StringBuilder(archiveBase.AbsoluteUri.TrimEnd('/')).Append("/cdx/search/cdx");
        Append(query, "url", urlPattern, first: true);
        Append(query, "matchType", MatchType.ToString().ToLowerInvariant());
        Append(query, "output", "json");
        Append(query, "fl", Fields);
        Append(query, "filter", "statuscode:200");
        Append(query, "collapse", "urlkey");
        Append(query, "limit", Limit.ToString(CultureInfo.InvariantCulture));
        Append(query, "showResumeKey", "true");
        if (resumeKey is not null)
        {
            Append(query, "resumeKey", resumeKey);
        }
        if (From is not null)
        {
            Append(query, "from", From);
        }
        if (MimeType is not null)
        {
            // The archive reads a filter's value as a regular expression over the whole field: "image/svg+xml"
            // must match itself, not "image/svgggxml".
            Append(query, "filter", "mimetype:" + Regex.Escape(MimeType));
        }
        return new Uri(query.ToString());
    }

    private static void Append(StringBuilder query, string name, string value, bool first = false) =>
        query.Append(first ? '?' : '&').Append(name).Append('=').Append(Escape(value));

    /// <summary>
    /// Escapes all but the characters a query may carry as they are (RFC 3986 <c>pchar</c>), so the URL stays
    /// readable in logs (<c>fl=urlkey,timestamp</c>, <c>url=http://host/</c>); '+', '&amp;', '=', '#', '%' and
    /// spaces are escaped, since a server would read them as separators or a space.
    /// </summary>
    private static string Escape(string value) =>
        Uri.EscapeDataString(value).Replace("%2C", ",", StringComparison.Ordinal).Replace("%3A", ":", StringComparison.Ordinal).Replace("%2F", "/", StringComparison.Ordinal);
}
