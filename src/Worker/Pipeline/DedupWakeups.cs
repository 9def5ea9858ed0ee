using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Catalog.Work;

namespace Crawler.Worker.Pipeline;

/// <summary>
/// Dedup defers a pair while its images are being fetched and embedded. With the stages running side by side
/// that is the common case, so the stages that settle an image wake the pairs that wait for it, instead of
/// leaving them to sleep out their deferral.
/// </summary>
public sealed class DedupWakeups(PairStore pairs, WorkQueue queue)
{
    /// <summary>These links are settled: fetched (or found stored) or given up on.</summary>
    public async Task LinksSettledAsync(IReadOnlyCollection<string> urls, CancellationToken ct) =>
        await queue.WakeAsync(StageNames.Dedup, await pairs.IdsUsingUrlsAsync(urls, ct), ct);

    /// <summary>These stored images are embedded.</summary>
    public async Task ImagesEmbeddedAsync(IReadOnlyCollection<string> shas, CancellationToken ct) =>
        await queue.WakeAsync(StageNames.Dedup, await pairs.IdsUsingImagesAsync(shas, ct), ct);
}
