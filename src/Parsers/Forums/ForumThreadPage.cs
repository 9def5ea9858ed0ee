using System.Globalization;
using AngleSharp.Dom;
using Crawler.Core.Domain;

namespace Crawler.Parsers.Forums;

/// <summary>
/// One page of a thread. The first page gives the thread: its first post is the request, the others its
/// replies. A later page gives only loose replies naming the thread, which the pipeline merges into it.
/// </summary>
internal static class ForumThreadPage
{
    public static ParsedPage Read(ForumSite site, IReadOnlyList<IElement> containers, IDocument document, Uri? pageUrl)
    {
        var posts = containers.Select(c => ForumPostReader.Read(site, c, pageUrl)).OfType<ForumPost>().DistinctBy(p => p.Id).ToList();
        if (posts.Count == 0)
        {
            throw new LayoutChangedException(site.Name,
                $"{containers.Count} elements match post '{site.Text("post")}' but none has a post id in '{site.Text("postIdAttribute")}' and an author");
        }
        var canonical = ForumUrls.Resolve(document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"), pageUrl);
        var locations = new[] { canonical, pageUrl?.AbsoluteUri }.OfType<string>().ToList();
        var threadId = locations.Select(l => site.ThreadIdPattern.Match(l)).FirstOrDefault(m => m.Success)?.Groups["id"].Value
            ?? throw new LayoutChangedException(site.Name, $"no thread id by threadIdPattern '{site.ThreadIdPattern}' in the canonical link or page URL ({(locations.Count == 0 ? "neither given" : string.Join(", ", locations))})");
        var next = NextPage(site, document, pageUrl);
        if (PageNumber(site, locations) > 1)
        {
            return new ParsedPage([], next, posts.Select(p => Reply(p, threadId) with { LinkId = threadId }).ToList());
        }
        var first = posts[0];
        var thread = new ParsedThread(
            Id: threadId,
            Community: Board(site, document),
            Title: site.Text("title") is { } title ? document.QuerySelector(title)?.TextContent.Trim() ?? "" : "",
            Body: first.Body,
            Author: first.Author,
            CreatedUtc: first.CreatedUtc,
            Flair: null,
            Nsfw: false,
            Deleted: false,
            Images: first.Images,
            Replies: posts.Skip(1).Select(p => Reply(p, threadId)).ToList(),
            More: [],
            Url: canonical ?? pageUrl?.AbsoluteUri);
        return new ParsedPage([thread], next, []);
    }

    /// <summary>The absolute URL of the next page (of a thread or a list); null on the last.</summary>
    public static string? NextPage(ForumSite site, IDocument document, Uri? pageUrl) =>
        site.Text("nextPage") is { } selector
            ? document.QuerySelectorAll(selector).Select(a => ForumUrls.Resolve(a.GetAttribute("href"), pageUrl)).FirstOrDefault(u => u is not null)
            : null;

    // A reply that quotes a post answers that post; any other answers the thread.
    private static ParsedReply Reply(ForumPost post, string threadId) =>
        new(post.Id, post.QuotedPostId ?? threadId, post.Author, post.CreatedUtc, post.Score, post.Body, Deleted: false, post.Images);

    private static int PageNumber(ForumSite site, IReadOnlyList<string> locations)
    {
        var match = site.PagePattern is { } pattern ? locations.Select(l => pattern.Match(l)).FirstOrDefault(m => m.Success) : null;
        return match is not null && int.TryParse(match.Groups["page"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? page : 1;
    }

    /// <summary>The board of the thread: the last breadcrumb link's board id (by boardPattern, else its last path segment).</summary>
    private static string Board(ForumSite site, IDocument document)
    {
        var links = site.Text("board") is { } selector ? document.QuerySelectorAll(selector) : null;
        if (links is not { Length: > 0 } || links[^1].GetAttribute("href") is not { } href)
        {
            return "";
        }
        if (site.BoardPattern is { } pattern)
        {
            return pattern.Match(href) is { Success: true } match ? match.Groups["board"].Value : "";
        }
        return href.Split('?', '#')[0].TrimEnd('/').Split('/')[^1];
    }
}
