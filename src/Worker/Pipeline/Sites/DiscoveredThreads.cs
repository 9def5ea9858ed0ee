using Crawler.Core.Domain;
using Crawler.Parsers;
using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Catalog.Work;
using Crawler.Worker.Sources;

namespace Crawler.Worker.Pipeline.Sites;

/// <summary>
/// Takes the threads a listing named into the frontier and queues a fetch of each one not seen before:
/// the one way in for every way of discovering (a site's listing, an archive's search).
/// </summary>
public sealed class DiscoveredThreads(FrontierStore frontier, WorkQueue queue)
{
    /// <param name="urlOf">Where a thread is read, when the listing says (an archive's capture); by default the adapter's thread URL.</param>
    /// <returns>How many of <paramref name="threads"/> were new.</returns>
    public async Task<int> AdmitAsync(
        SourceOptions source, ISiteAdapter adapter, string community, IReadOnlyList<ParsedThread> threads, CancellationToken ct,
        Func<ParsedThread, Uri>? urlOf = null)
    {
        urlOf ??= t => adapter.ThreadUrl(source.BaseUri, community, t.Id);
        var added = await frontier.AddDiscoveredAsync(threads.Select(t => new FrontierEntry
        {
            Site = adapter.Site,
            ThreadId = t.Id,
            Source = source.Name,
            Community = string.IsNullOrEmpty(t.Community) ? community : t.Community,
            Url = urlOf(t).AbsoluteUri,
        }), ct);
        var created = threads.ToDictionary(t => t.Id, t => t.CreatedUtc);
        await queue.EnqueueIfAbsentAsync(StageNames.FetchThread, added.Select(e => (e.Key, SortKeys.ByTime(created[e.ThreadId], e.Key))), ct);
        return added.Count;
    }
}
