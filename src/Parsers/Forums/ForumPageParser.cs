using Crawler.Core.Domain;
using Crawler.Parsers.Html;

namespace Crawler.Parsers.Forums;

/// <summary>
/// Reads thread pages and thread lists of any forum a site file describes. Which one a page is follows from
/// what matches: posts make a thread page, thread-list rows a listing; nothing means the layout changed.
/// </summary>
public sealed class ForumPageParser(ForumSite site) : IPageParser
{
    public string Name => site.Name;

    public string Site => site.Name;

    public ParsedPage Parse(ReadOnlyMemory<byte> content, Uri? pageUrl = null)
    {
        if (!LooksLikeHtml(content.Span))
        {
            throw new PageFormatException("not an HTML page: it does not start with markup");
        }
        using var document = BoundedHtml.Parse(content);
        var posts = document.QuerySelectorAll(site.Text("post")!).ToList();
        if (posts.Count > 0)
        {
            return ForumThreadPage.Read(site, posts, document, pageUrl);
        }
        var rows = document.QuerySelectorAll(site.Text("listingRow")!).ToList();
        if (rows.Count > 0)
        {
            return ForumListing.Read(site, rows, document, pageUrl);
        }
        throw new LayoutChangedException(site.Name, $"no post matches '{site.Text("post")}' and no thread-list row matches '{site.Text("listingRow")}'");
    }

    /// <summary>An HTML page opens with a tag, a doctype or a comment, after an optional byte-order mark and white space.</summary>
    private static bool LooksLikeHtml(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith([(byte)0xEF, (byte)0xBB, (byte)0xBF]))
        {
            content = content[3..];
        }
        else if (content.StartsWith([(byte)0xFF, (byte)0xFE]) || content.StartsWith([(byte)0xFE, (byte)0xFF]))
        {
            return true; // UTF-16: the tree builder decodes it
        }
        var start = content.IndexOfAnyExcept(" \t\r\n\f"u8);
        return start >= 0 && content[start] == '<';
    }
}
