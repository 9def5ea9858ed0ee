using Crawler.Parsers;
using Crawler.Worker.Sources;

namespace Crawler.Worker.Pipeline.Sites;

/// <summary>
/// Reads a paged thread's later pages, following each page's next link up to the source's
/// <see cref="SourceOptions.CommentPages"/>, so the parse stage merges their replies into the thread.
/// </summary>
public sealed class LaterPages(SourceFetcher fetcher)
{
    /// <exception cref="Fetching.FetchException">A later page could not be fetched; the thread is not stored in part.</exception>
    public async Task<ThreadExpansion> ReadAsync(SourceOptions source, IPageParser parser, Uri pageUrl, byte[] page, CancellationToken ct)
    {
        var next = NextOf(parser, page, pageUrl);
        var pages = new List<byte[]>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { pageUrl.AbsoluteUri };
        // A next link back to a page already read (a broken pager) ends the walk instead of looping on it.
        while (next is not null && pages.Count < source.CommentPages && seen.Add(next.AbsoluteUri))
        {
            var response = await fetcher.GetAsync(source, next, ct);
            pages.Add(response.Body);
            next = NextOf(parser, response.Body, next);
        }
        var stopped = next is not null && pages.Count >= source.CommentPages
            ? $"{pages.Count} later pages read (CommentPages); the rest are not read"
            : null;
        return new ThreadExpansion(pages, stopped);
    }

    // A page that does not parse has no next link to follow; the parse stage records why it does not parse.
    private static Uri? NextOf(IPageParser parser, byte[] page, Uri url)
    {
        try
        {
            return parser.Parse(page, url).Next is { } next && Uri.TryCreate(next, UriKind.Absolute, out var absolute) ? absolute : null;
        }
        catch (PageFormatException)
        {
            return null;
        }
    }
}
