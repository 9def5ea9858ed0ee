using System.Text;
using System.Text.RegularExpressions;

namespace Crawler.TestSupport.Wayback;

/// <summary>
/// What the archive does to an HTML capture replayed without <c>id_</c>: a toolbar inserted after
/// <c>&lt;body&gt;</c> between the archive's own marker comments, links in <c>href</c>, <c>src</c> and
/// <c>data-url</c> pointed back into the archive (<c>im_</c> for <c>src</c>), and an "archived on" trailer.
/// A crawler that stores such a page has the wrong bytes; tests look for <see cref="ToolbarMarker"/>.
/// </summary>
internal static partial class ReplayRewriter
{
    public const string ToolbarMarker = "<!-- BEGIN WAYBACK TOOLBAR INSERT -->";

    public static byte[] Rewrite(ArchivedCapture capture)
    {
        var origin = new Uri(capture.Original).GetLeftPart(UriPartial.Authority);
        var html = Encoding.UTF8.GetString(capture.Body);
        html = Link().Replace(html, m => m.Groups["attr"].Value + m.Groups["q"].Value + Rewritten(m.Groups["name"].Value, m.Groups["url"].Value, capture.Timestamp, origin) + m.Groups["q"].Value);
        var toolbar = $"{ToolbarMarker}\n<div id=\"wm-ipp-base\" lang=\"en\" style=\"display:none;direction:ltr;\"><a href=\"/web/\">Wayback Machine</a></div>\n<!-- END WAYBACK TOOLBAR INSERT -->";
        var body = BodyTag().Match(html);
        html = body.Success ? html.Insert(body.Index + body.Length, toolbar) : toolbar + html;
        html += $"\n<!--\n     FILE ARCHIVED ON {capture.Instant:HH:mm:ss MMM dd, yyyy} AND RETRIEVED FROM THE\n     INTERNET ARCHIVE ON loopback.\n-->";
        return Encoding.UTF8.GetBytes(html);
    }

    private static string Rewritten(string attribute, string url, string timestamp, string origin)
    {
        var modifier = attribute.Equals("src", StringComparison.OrdinalIgnoreCase) ? "im_" : "";
        if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return $"/web/{timestamp}{modifier}/{url}";
        }
        if (url.StartsWith("//", StringComparison.Ordinal))
        {
            return $"/web/{timestamp}{modifier}/http:{url}";
        }
        // Root-relative links would leave the archive; relative ones already resolve inside the replay URL.
        return url.StartsWith('/') ? $"/web/{timestamp}{modifier}/{origin}{url}" : url;
    }

    [GeneratedRegex("""(?<attr>\b(?<name>href|src|data-url)\s*=\s*)(?<q>["'])(?<url>[^"']*)\k<q>""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex("<body[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BodyTag();
}
