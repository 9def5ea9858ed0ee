using Crawler.Core.Domain;
using Crawler.Worker.Blobs;
using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Catalog.Work;

namespace Crawler.Worker.Pipeline;

/// <summary>
/// Honours a deletion at the source: the catalog marks and records it, then the bytes it leaves behind are
/// purged: the raw page that quotes it (when the stored page predates the deletion) and every image no live
/// pair still uses, with the live pairs of that image's clusters sent back to dedup (a post rejected as a
/// repost of the deleted thread may now be the first post of its photo). Each step is idempotent.
/// </summary>
public sealed class DeletionPurger(DeletionStore deletions, RawPageStore rawPages, BlobStore blobs, WorkQueue queue)
{
    /// <returns>The number of image blobs purged.</returns>
    public async Task<int> ThreadGoneAsync(ThreadRef thread, string origin, CancellationToken ct)
    {
        await deletions.MarkThreadGoneAsync(thread, origin, ct);
        await rawPages.PurgeAsync(thread, ct);
        return await PurgeImagesAsync(await deletions.ImagesOfThreadAsync(thread, ct), ct);
    }

    /// <param name="rawPagesQuoteThem">True when the stored page predates the deletion (the sweep), so it is purged too.</param>
    /// <returns>The number of image blobs purged.</returns>
    public async Task<int> RepliesGoneAsync(ThreadRef thread, IReadOnlyCollection<string> replyIds, string origin, bool rawPagesQuoteThem, CancellationToken ct)
    {
        if (replyIds.Count == 0)
        {
            return 0;
        }
        await deletions.MarkRepliesGoneAsync(thread.Site, replyIds, origin, ct);
        if (rawPagesQuoteThem)
        {
            await rawPages.PurgeAsync(thread, ct);
        }
        return await PurgeImagesAsync(await deletions.ImagesOfRepliesAsync(thread.Site, replyIds, ct), ct);
    }

    private async Task<int> PurgeImagesAsync(IReadOnlyList<string> candidates, CancellationToken ct)
    {
        var purged = 0;
        foreach (var sha in candidates)
        {
            if (await deletions.ForgetIfUnusedAsync(sha, ct) is not { } clusters)
            {
                continue;
            }
            var redecide = await deletions.LivePairsInClustersAsync(clusters, ct);
            await queue.EnqueueAsync(StageNames.Dedup, redecide.Select(id => (id, id)), ct: ct);
            if (blobs.Exists(sha))
            {
                blobs.Delete(sha);
                purged++;
            }
        }
        return purged;
    }
}
