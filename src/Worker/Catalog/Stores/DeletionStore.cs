using System.Data.Common;
using Crawler.Worker.Blobs;
using Crawler.Worker.Exporting;
using Dapper;

namespace Crawler.Worker.Catalog.Stores;

/// <summary>
/// Honours deletions at the source: marks the thread or replies deleted with their text blanked and their pairs
/// dropped, records them in <c>deletions</c> (which every later snapshot excludes, whatever a re-parse says),
/// and purges the bytes they leave behind: images no live pair still uses, and, for the sweep, the raw pages
/// that quote them.
/// Every step is idempotent, so a crash repeats the purge rather than skipping it.
/// </summary>
public sealed class DeletionStore(ICatalogDb db, BlobStore blobs, RawPageStore rawPages, Pipeline.WorkQueue queue, TimeProvider time)
{
    /// <summary>The reason on pairs whose thread or reply is gone at the source.</summary>
    public const string GoneReason = "deleted at the source";

    /// <returns>The number of image blobs purged.</returns>
    public async Task<int> ThreadGoneAsync(string site, string threadId, string origin, CancellationToken ct)
    {
        await using (var connection = await db.OpenAsync(ct))
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await connection.ExecuteAsync(
                "UPDATE threads SET deleted = 1, body = '' WHERE site = @site AND thread_id = @threadId", new { site, threadId }, transaction);
            await connection.ExecuteAsync($"""
                UPDATE pairs SET status = 'dropped', reason = '{GoneReason}', updated_at = @now
                WHERE site = @site AND thread_id = @threadId AND status <> 'dropped'
                """, new { site, threadId, now = time.Now() }, transaction);
            await RecordAsync(connection, transaction, site, DeletionKinds.Thread, [threadId], origin);
            await transaction.CommitAsync(ct);
        }
        await rawPages.PurgeAsync(site, threadId, ct);
        return await PurgeImagesAsync(site, "thread_id = @threadId", new { site, threadId }, ct);
    }

    /// <param name="rawPagesQuoteThem">True when the stored page predates the deletion (the sweep), so it is purged too.</param>
    /// <returns>The number of image blobs purged.</returns>
    public async Task<int> RepliesGoneAsync(string site, string threadId, IReadOnlyCollection<string> replyIds, string origin, bool rawPagesQuoteThem, CancellationToken ct)
    {
        if (replyIds.Count == 0)
        {
            return 0;
        }
        await using (var connection = await db.OpenAsync(ct))
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await connection.ExecuteAsync(
                "UPDATE replies SET deleted = 1, body = '', images = '[]' WHERE site = @site AND reply_id IN @replyIds", new { site, replyIds }, transaction);
            await connection.ExecuteAsync($"""
                UPDATE pairs SET status = 'dropped', reason = '{GoneReason}', updated_at = @now
                WHERE site = @site AND reply_id IN @replyIds AND status <> 'dropped'
                """, new { site, replyIds, now = time.Now() }, transaction);
            await RecordAsync(connection, transaction, site, DeletionKinds.Reply, replyIds, origin);
            await transaction.CommitAsync(ct);
        }
        if (rawPagesQuoteThem)
        {
            await rawPages.PurgeAsync(site, threadId, ct);
        }
        return await PurgeImagesAsync(site, "reply_id IN @replyIds", new { site, replyIds }, ct);
    }

    private Task<int> RecordAsync(DbConnection connection, DbTransaction transaction, string site, string kind, IEnumerable<string> keys, string origin) =>
        connection.ExecuteAsync("""
            INSERT INTO deletions (site, kind, key, origin, at) VALUES (@site, @kind, @key, @origin, @now)
            ON CONFLICT (site, kind, key) DO NOTHING
            """, keys.Select(key => new { site, kind, key, origin, now = time.Now() }), transaction);

    /// <summary>Deletes the images of the gone pairs that no pair outside the deletions still uses, with their embeddings and cluster places, and marks them purged.</summary>
    private async Task<int> PurgeImagesAsync(string site, string goneFilter, object args, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var candidates = (await connection.QueryAsync<string>($"""
            SELECT DISTINCT u.sha256 FROM pairs p JOIN image_urls u ON u.url = p.source_url OR u.url = p.target_url
            WHERE p.site = @site AND p.{goneFilter} AND u.sha256 IS NOT NULL
            """, args)).ToList();
        var purged = 0;
        foreach (var sha in candidates)
        {
            var liveUses = await connection.ExecuteScalarAsync<long>("""
                SELECT COUNT(*) FROM pairs p JOIN image_urls u ON u.url = p.source_url OR u.url = p.target_url
                WHERE u.sha256 = @sha AND NOT EXISTS (SELECT 1 FROM deletions d WHERE d.site = p.site
                    AND ((d.kind = 'thread' AND d.key = p.thread_id) OR (d.kind = 'reply' AND d.key = p.reply_id)))
                """, new { sha });
            if (liveUses > 0)
            {
                continue;
            }
            var clusters = (await connection.QueryAsync<string>("SELECT cluster FROM original_clusters WHERE sha256 = @sha", new { sha })).ToList();
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await connection.ExecuteAsync(
                "UPDATE images SET status = 'failed', reason = 'purged: deleted at the source' WHERE sha256 = @sha", new { sha }, transaction);
            await connection.ExecuteAsync(
                "UPDATE image_urls SET status = 'failed', reason = 'purged: deleted at the source' WHERE sha256 = @sha", new { sha }, transaction);
            // What was derived from the picture goes with it: a later post of the same photo is then a first post.
            await connection.ExecuteAsync("DELETE FROM embeddings WHERE sha256 = @sha", new { sha }, transaction);
            await connection.ExecuteAsync("DELETE FROM original_clusters WHERE sha256 = @sha", new { sha }, transaction);
            await transaction.CommitAsync(ct);
            await RedecideClusterAsync(connection, clusters, ct);
            if (blobs.Exists(sha))
            {
                blobs.Delete(sha);
                purged++;
            }
        }
        return purged;
    }

    /// <summary>
    /// Sends the live pairs whose originals share a cluster with a purged one back to dedup: a post rejected as a
    /// repost of the deleted thread may now be the first post of its photo.
    /// </summary>
    private async Task RedecideClusterAsync(DbConnection connection, List<string> clusters, CancellationToken ct)
    {
        if (clusters.Count == 0)
        {
            return;
        }
        var pairIds = await connection.QueryAsync<string>("""
            SELECT DISTINCT p.pair_id FROM pairs p JOIN image_urls u ON u.url = p.source_url
            JOIN original_clusters c ON c.sha256 = u.sha256
            WHERE c.cluster IN @clusters AND p.status <> 'dropped'
            """, new { clusters });
        await queue.EnqueueAsync(Pipeline.StageNames.Dedup, pairIds.Select(id => (id, id)), ct: ct);
    }
}
