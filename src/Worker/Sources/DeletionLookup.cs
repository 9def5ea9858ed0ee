using Crawler.Parsers;
using Crawler.Parsers.Reddit;
using Crawler.Parsers.Reddit.ArcticShift;

namespace Crawler.Worker.Sources;

/// <summary>
/// Asks a source the current state of things by fullname (<c>t3_</c> posts, <c>t1_</c> comments): Reddit's
/// <c>/api/info</c> (100 a call), or the archive's <c>/api/posts/ids</c> and <c>/api/comments/ids</c> (500 a call).
/// </summary>
public sealed class DeletionLookup(SourceFetcher fetcher)
{
    private readonly RedditJsonParser _reddit = new();
    private readonly ArcticShiftParser _archive = new();

    public static int BatchSize(SourceOptions source) => SiteAdapters.IsArcticShift(source) ? ArcticShiftUrls.MaxIds : RedditApiUrls.MaxIdsPerCall;

    /// <summary>
    /// Whether a thing the answer leaves out is gone: Reddit leaves out what it purged, while the archive may
    /// simply not hold it (or answer empty when its index lags), so only its own marks count there.
    /// </summary>
    public static bool AbsentMeansGone(SourceOptions source) => !SiteAdapters.IsArcticShift(source);

    /// <summary>Whether each thing the source answered for is deleted or removed, by fullname.</summary>
    /// <param name="fullnames">At most <see cref="BatchSize"/>.</param>
    /// <exception cref="Fetching.FetchException">The source did not answer.</exception>
    /// <exception cref="PageFormatException">Its answer is unreadable.</exception>
    public async Task<IReadOnlyDictionary<string, bool>> LookUpAsync(SourceOptions source, IReadOnlyCollection<string> fullnames, CancellationToken ct)
    {
        var gone = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var (url, parser) in Calls(source, fullnames))
        {
            var answer = parser.Parse((await fetcher.GetAsync(source, url, ct)).Body, url);
            foreach (var thread in answer.Threads)
            {
                gone["t3_" + thread.Id] = thread.Deleted;
            }
            foreach (var reply in answer.Replies)
            {
                gone["t1_" + reply.Id] = reply.Deleted;
            }
        }
        return gone;
    }

    private IEnumerable<(Uri Url, IPageParser Parser)> Calls(SourceOptions source, IReadOnlyCollection<string> fullnames)
    {
        if (!SiteAdapters.IsArcticShift(source))
        {
            yield return (RedditApiUrls.Info(source.BaseUri, fullnames), _reddit);
            yield break;
        }
        foreach (var (prefix, url) in new (string, Func<IReadOnlyCollection<string>, Uri>)[]
        {
            ("t3_", ids => ArcticShiftUrls.PostsByIds(source.BaseUri, ids)),
            ("t1_", ids => ArcticShiftUrls.CommentsByIds(source.BaseUri, ids)),
        })
        {
            var ids = fullnames.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Select(n => n[3..]).ToList();
            if (ids.Count > 0)
            {
                yield return (url(ids), _archive);
            }
        }
    }
}
