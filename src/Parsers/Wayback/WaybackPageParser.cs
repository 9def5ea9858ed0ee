using Crawler.Core.Domain;

namespace Crawler.Parsers.Wayback;

/// <summary>
/// Reads a page replayed raw from the Wayback Machine with the site's own parser: the page is parsed as if at its
/// original URL (so the site file's URL patterns hold), then every image and next-page link is turned into the
/// raw replay of that resource at the page's capture time, where the pipeline can fetch it.
/// </summary>
public sealed class WaybackPageParser(IPageParser site, Uri archiveBase) : IPageParser
{
    public string Name => site.Name;

    public string Site => site.Site;

    public ParsedPage Parse(ReadOnlyMemory<byte> content, Uri? pageUrl = null)
    {
        if (pageUrl is null || !ArchivedUrl.TryParse(pageUrl, out var timestamp, out var original))
        {
            throw new PageFormatException($"not a Wayback Machine replay URL: {pageUrl?.AbsoluteUri ?? "none given"}");
        }
        var page = site.Parse(content, new Uri(original));
        string Map(string link) => ArchivedUrl.MapLink(archiveBase, timestamp, link);
        IReadOnlyList<string> MapAll(IReadOnlyList<string> links) => links.Select(Map).ToList();
        ParsedReply MapReply(ParsedReply reply) => reply with { Images = MapAll(reply.Images) };
        return new ParsedPage(
            page.Threads.Select(t => t with
            {
                Images = MapAll(t.Images),
                Replies = t.Replies.Select(MapReply).ToList(),
                // The capture the thread was read from is its provenance.
                Url = pageUrl.AbsoluteUri,
            }).ToList(),
            page.Next is { } next ? Map(next) : null,
            page.Replies.Select(MapReply).ToList())
        {
            More = page.More,
        };
    }
}
