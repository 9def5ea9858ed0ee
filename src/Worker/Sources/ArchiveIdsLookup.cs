using Crawler.Parsers;
using Crawler.Parsers.Reddit.ArcticShift;

namespace Crawler.Worker.Sources;

/// <summary>
/// Arctic Shift's <c>/api/posts/ids</c> and <c>/api/comments/ids</c>, 500 ids a call; only its own marks say
/// something is gone, since it may not hold a thing at all.
/// </summary>
public sealed class ArchiveIdsLookup(SourceFetcher fetcher) : FullnameLookup(fetcher)
{
    private readonly ArcticShiftParser _parser = new();

    public override int BatchSize => ArcticShiftUrls.MaxIds;

    public override bool AbsentMeansGone => false;

    protected override IEnumerable<(Uri Url, IPageParser Parser)> Calls(SourceOptions source, IReadOnlyCollection<string> fullnames)
    {
        foreach (var (prefix, url) in new (string, Func<IReadOnlyCollection<string>, Uri>)[]
        {
            ("t3_", ids => ArcticShiftUrls.PostsByIds(source.BaseUri, ids)),
            ("t1_", ids => ArcticShiftUrls.CommentsByIds(source.BaseUri, ids)),
        })
        {
            var ids = fullnames.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Select(n => n[3..]).ToList();
            if (ids.Count > 0)
            {
                yield return (url(ids), _parser);
            }
        }
    }
}
