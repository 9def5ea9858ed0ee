using AngleSharp.Dom;
using Crawler.Core.Domain;
using Crawler.Parsers.Html;

namespace Crawler.Parsers.Reddit.Html;

/// <summary>
/// Saved or archived Reddit pages (never crawled live: Reddit's robots.txt disallows its pages): old.reddit
/// listings and comments pages, and new-reddit post pages. Gives the same records as the JSON forms.
/// </summary>
public sealed class RedditHtmlParser : IPageParser
{
    public const string FormatName = "reddit-html";

    public string Name => FormatName;

    public string Site => RedditSite.Name;

    public ParsedPage Parse(ReadOnlyMemory<byte> content, Uri? pageUrl = null)
    {
        using var document = BoundedHtml.Parse(content);
        // HTML parsers repair any input, so a cut-off download parses "fine"; the missing end tag gives it away.
        if (document.Source.Text.LastIndexOf("</html>", StringComparison.OrdinalIgnoreCase) < 0)
        {
            throw new PageFormatException("truncated HTML: the page ends before </html>");
        }
        var baseUrl = pageUrl ?? RedditSite.Www;
        if (document.QuerySelector("shreddit-post") is { } post)
        {
            return new ParsedPage([ShredditPost.Thread(post, baseUrl)], null, []);
        }
        if (document.QuerySelector(".commentarea") is { } comments)
        {
            return OldRedditComments.Parse(comments, document, baseUrl);
        }
        if (document.QuerySelector("#siteTable") is { } listing)
        {
            return OldRedditListing.Parse(listing, document, baseUrl);
        }
        throw new PageFormatException("not a Reddit page: no old.reddit #siteTable or .commentarea, and no new-reddit <shreddit-post>");
    }
}
