using Crawler.Core.Domain;
using System.Data.Common;
using Dapper;

namespace Crawler.Worker.Catalog.Stores;

/// <summary>
/// The catalog's side of deletions at the source: marks the thread or replies deleted with their text blanked
/// and their pairs dropped, records them in <c>deletions</c> (which every later snapshot excludes, whatever a
/// re-parse says), and forgets an image no live pair still uses. What to purge and in which order is the
/// pipeline's <c>DeletionPurger</c>. Every step is idempotent, so a crash repeats a purge rather than skipping it.
/// </summary>
public sealed class DeletionStore(ICatalogDb db, TimeProvider time)
{
    /// <summary>The reason on pairs whose thread or reply is gone at the source.</summary>
    public const string GoneReason = "deleted at the source";

    public async Task MarkThreadGoneAsync(ThreadRef thread, string origin, CancellationToken ct)
    {
        var (site, threadId) = thread;
        await using var connection = await db.OpenAsync(ct);
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

    public async Task MarkRepliesGoneAsync(string site, IReadOnlyCollection<string> replyIds, string origin, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
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

    /// <summary>The stored images of a gone thread's pairs.</summary>
    public Task<IReadOnlyList<string>> ImagesOfThreadAsync(ThreadRef thread, CancellationToken ct)
    {
        var (site, threadId) = thread;
        return ImagesOfPairsAsync("p.thread_id = @threadId", new { site, threadId }, ct);
    }

    /// <summary>The stored images of gone replies' pairs.</summary>
    public Task<IReadOnlyList<string>> ImagesOfRepliesAsync(string site, IReadOnlyCollection<string> replyIds, CancellationToken ct) =>
        ImagesOfPairsAsync("p.reply_id IN @replyIds", new { site, replyIds }, ct);

    /// <summary>
    /// Marks <paramref name="sha"/> purged and deletes what was derived from it (its embeddings and cluster
    /// places), unless a pair outside the deletions still uses it.
    /// </summary>
    /// <returns>The clusters the picture was in, or null when it is still in use and was left alone.</returns>
    public async Task<IReadOnlyList<string>?> ForgetIfUnusedAsync(string sha, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var liveUses = await connection.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM pairs p JOIN image_urls u ON u.url = p.source_url OR u.url = p.target_url
            WHERE u.sha256 = @sha AND NOT EXISTS (SELECT 1 FROM deletions d WHERE d.site = p.site
                AND ((d.kind = 'thread' AND d.key = p.thread_id) OR (d.kind = 'reply' AND d.key = p.reply_id)))
            """, new { sha });
        if (liveUses > 0)
        {
            return null;
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
        return clusters;
    }

    /// <summary>The pairs still alive whose originals are in <paramref name="clusters"/>.</summary>
    public async Task<IReadOnlyList<string>> LivePairsInClustersAsync(IReadOnlyCollection<string> clusters, CancellationToken ct)
    {
        if (clusters.Count == 0)
        {
            return [];
        }
        await using var connection = await db.OpenAsync(ct);
        return [.. await connection.QueryAsync<string>("""
            SELECT DISTINCT p.pair_id FROM pairs p JOIN image_urls u ON u.url = p.source_url
            JOIN original_clusters c ON c.sha256 = u.sha256
            WHERE c.cluster IN @clusters AND p.status <> 'dropped'
            """, new { clusters })];
    }

    private async Task<IReadOnlyList<string>> ImagesOfPairsAsync(string goneFilter, object args, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return [.. await connection.QueryAsync<string>($"""
            SELECT DISTINCT u.sha256 FROM pairs p JOIN image_urls u ON u.url = p.source_url OR u.url = p.target_url
            WHERE p.site = @site AND {goneFilter} AND u.sha256 IS NOT NULL
            """, args)];
    }

    private Task<int> RecordAsync(DbConnection connection, DbTransaction transaction, string site, string kind, IEnumerable<string> keys, string origin) =>
        connection.ExecuteAsync("""
            INSERT INTO deletions (site, kind, key, origin, at) VALUES (@site, @kind, @key, @origin, @now)
            ON CONFLICT (site, kind, key) DO NOTHING
            """, keys.Select(key => new { site, kind, key, origin, now = time.Now() }), transaction);
}
