using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Catalog.Work;

namespace Crawler.Worker.Pipeline;

/// <summary>
/// Queues stored raw pages for the parse stage again, so a fixed parser or new pairing rules reach threads
/// fetched long ago without fetching them again. The parse and pair stages do the rest: a pair no longer found
/// is retired with its reason, and an unchanged one is not written.
/// </summary>
public sealed class Reparse(RawPageStore rawPages, WorkQueue queue)
{
    /// <returns>How many threads were queued.</returns>
    public async Task<int> QueueAsync(string? site, DateTimeOffset? since, CancellationToken ct)
    {
        var stored = await rawPages.StoredAsync(site, since, ct);
        await queue.EnqueueAsync(StageNames.Parse, stored.Select(s => (s.Thread.Key, SortKeys.ByTime(s.CreatedUtc, s.Thread.Key))), ct: ct);
        return stored.Count;
    }
}
