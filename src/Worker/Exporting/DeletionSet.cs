using Crawler.Worker.Catalog;
using Crawler.Worker.Catalog.Stores;

namespace Crawler.Worker.Exporting;

/// <summary>
/// The recorded deletions, held in memory for one export, and the test of whether a candidate row falls
/// under one: its thread, its reply, or any URL it is reachable by (thread, reply, either image).
/// </summary>
public sealed class DeletionSet
{
    private readonly HashSet<(string Site, string Kind, string Key)> _keys;

    public DeletionSet(IEnumerable<(string Site, string Kind, string Key)> deletions)
    {
        _keys = deletions.Select(d => (d.Site, d.Kind, DeletionKeys.Normalize(d.Site, d.Kind, d.Key))).ToHashSet();
    }

    public int Count => _keys.Count;

    public bool Covers(ExportCandidate row, string replyUrl) =>
        _keys.Contains((row.Site, DeletionKinds.Thread, row.ThreadId))
        || _keys.Contains((row.Site, DeletionKinds.Reply, row.ReplyId))
        || new[] { row.ThreadUrl, replyUrl, row.SourceUrl, row.TargetUrl }
            .Any(url => !string.IsNullOrEmpty(url) && _keys.Contains((row.Site, DeletionKinds.Url, DeletionKeys.Url(url))));
}
