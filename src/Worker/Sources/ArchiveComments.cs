using Crawler.Fetching;
using Crawler.Parsers;
using Crawler.Parsers.Reddit.ArcticShift;

namespace Crawler.Worker.Sources;

/// <summary>
/// Reads every comment Arctic Shift holds for a thread, oldest first, a page of 100 at a time, up to the
/// source's <see cref="SourceOptions.CommentPages"/>. The pages are kept beside the thread's post as its parts.
/// </summary>
public sealed class ArchiveComments(SourceFetcher fetcher)
{
    private readonly ArcticShiftParser _parser = new();

    /// <returns>The raw pages, and why reading stopped short, if it did.</returns>
    /// <exception cref="FetchException">A page could not be fetched; a thread stored with some of its comments would lose the rest.</exception>
    public async Task<ThreadExpansion> ReadAsync(SourceOptions source, string threadId, CancellationToken ct)
    {
        var pages = new List<byte[]>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long after = 0;
        while (pages.Count < source.CommentPages)
        {
            var url = ArcticShiftUrls.Comments(source.BaseUri, threadId, after);
            var response = await fetcher.GetAsync(source, url, ct);
            pages.Add(response.Body);
            IReadOnlyList<Core.Domain.ParsedReply> comments;
            try
            {
                comments = _parser.Parse(response.Body, url).Replies;
            }
            catch (PageFormatException e)
            {
                // Kept, the page fails the thread's parse with this reason, where users look for it.
                return new ThreadExpansion(pages, $"comment page {pages.Count} unreadable: {e.Message}");
            }
            var fresh = comments.Count(c => seen.Add(c.Id));
            if (comments.Count < ArcticShiftUrls.PageSize)
            {
                return new ThreadExpansion(pages, null);
            }
            // The time bound is inclusive: the last second comes again, and one page of it alone moves on past it.
            var last = comments.Max(c => c.CreatedUtc);
            after = fresh == 0 || last <= after ? Math.Max(last, after) + 1 : last;
        }
        return new ThreadExpansion(pages, $"comments past the first {pages.Count * ArcticShiftUrls.PageSize} not read: the budget of {source.CommentPages} comment pages per fetch is spent");
    }
}
