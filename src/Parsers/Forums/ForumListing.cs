using AngleSharp.Dom;
using Crawler.Core.Domain;

namespace Crawler.Parsers.Forums;

/// <summary>A board's thread list: one thread (without posts) per row, and the next page of the list.</summary>
internal static class ForumListing
{
    public static ParsedPage Read(ForumSite site, IReadOnlyList<IElement> rows, IDocument document, Uri? pageUrl)
    {
        var skip = site.Text("listingSkip");
        var threads = new List<ParsedThread>();
        foreach (var row in rows)
        {
            // Stickies and announcements sit at the top of every page and are rarely requests.
            if (skip is not null && (row.Closest(skip) is not null || row.QuerySelector(skip) is not null))
            {
                continue;
            }
            if (Thread(site, row, pageUrl) is { } thread && threads.TrueForAll(t => t.Id != thread.Id))
            {
                threads.Add(thread);
            }
        }
        return new ParsedPage(threads, ForumThreadPage.NextPage(site, document, pageUrl), []);
    }

    private static ParsedThread? Thread(ForumSite site, IElement row, Uri? pageUrl)
    {
        var link = row.QuerySelector(site.Text("listingTitle")!);
        var url = ForumUrls.Resolve(link?.GetAttribute("href"), pageUrl) ?? link?.GetAttribute("href");
        if (link is null || url is null || site.ThreadIdPattern.Match(url) is not { Success: true } match)
        {
            return null;
        }
        var author = site.Text("listingAuthorAttribute") is { } attribute && row.GetAttribute(attribute) is { Length: > 0 } named
            ? named
            : site.Text("listingAuthor") is { } selector ? row.QuerySelector(selector)?.TextContent.Trim() : null;
        return new ParsedThread(
            Id: match.Groups["id"].Value,
            Community: "",
            Title: link.TextContent.Trim(),
            Body: "",
            Author: string.IsNullOrEmpty(author) ? null : author,
            CreatedUtc: site.Text("listingTime") is { } time ? ForumTime.Of(row.QuerySelector(time)) : 0,
            Flair: null,
            Nsfw: false,
            Deleted: false,
            Images: [],
            Replies: [],
            More: [],
            Url: url);
    }
}
