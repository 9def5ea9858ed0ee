using Dapper;

namespace Crawler.Worker.Catalog.Stores;

/// <summary>
/// What a snapshot may contain: accepted pairs with an ok rewrite and two good images, minus deleted
/// threads and replies, opt-outs and rows rejected in review. Also remembers what the last snapshot held.
/// </summary>
public sealed class ExportStore(ICatalogDb db, TimeProvider time)
{
    public async IAsyncEnumerable<ExportCandidate> CandidatesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        // Unbuffered: a snapshot of 300k rows streams rather than sitting in memory.
        var rows = connection.QueryUnbufferedAsync<ExportCandidate>("""
            SELECT p.pair_id, p.site, p.thread_id, p.reply_id, p.score, p.accepted, p.similarity, p.cluster, p.request_text, p.editor,
                   t.community, t.url AS thread_url, t.created_utc, t.nsfw, t.author AS requester,
                   r.instruction, r.edit_type, r.model AS rewrite_model,
                   us.sha256 AS source_sha, ut.sha256 AS target_sha,
                   si.format AS source_format, ti.format AS target_format,
                   si.width AS source_width, si.height AS source_height, ti.width AS target_width, ti.height AS target_height
            FROM pairs p
            JOIN threads t ON t.site = p.site AND t.thread_id = p.thread_id
            JOIN rewrites r ON r.pair_id = p.pair_id AND r.status = 'ok'
            JOIN image_urls us ON us.url = p.source_url AND us.status = 'ok'
            JOIN image_urls ut ON ut.url = p.target_url AND ut.status = 'ok'
            JOIN images si ON si.sha256 = us.sha256 AND si.status = 'ok'
            JOIN images ti ON ti.sha256 = ut.sha256 AND ti.status = 'ok'
            WHERE p.status = 'accepted' AND t.deleted = 0
              AND NOT EXISTS (SELECT 1 FROM replies rp WHERE rp.site = p.site AND rp.reply_id = p.reply_id AND rp.deleted = 1)
              AND NOT EXISTS (SELECT 1 FROM reviews v WHERE v.pair_id = p.pair_id AND v.verdict = 'rejected')
              AND NOT EXISTS (SELECT 1 FROM deletions d WHERE d.site = p.site
                  AND ((d.kind = 'thread' AND d.key = p.thread_id) OR (d.kind = 'reply' AND d.key = p.reply_id)
                       OR (d.kind = 'url' AND (d.key = p.source_url OR d.key = p.target_url OR d.key = t.url))))
            ORDER BY p.pair_id
            """);
        await foreach (var row in rows.WithCancellation(ct))
        {
            yield return row;
        }
    }

    public async Task<string?> LatestSnapshotAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<string?>("SELECT snapshot_id FROM snapshots ORDER BY created_at DESC, snapshot_id DESC LIMIT 1");
    }

    public async Task<IReadOnlySet<string>> ExportedIdsAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<string>("SELECT pair_id FROM exported_ids")).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Records a published snapshot and replaces the set of ids the latest snapshot holds.</summary>
    public async Task RecordSnapshotAsync(string snapshotId, string path, string? previous, IReadOnlyList<string> ids, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync("""
            INSERT INTO snapshots (snapshot_id, path, created_at, rows, previous) VALUES (@snapshotId, @path, @now, @rows, @previous)
            ON CONFLICT (snapshot_id) DO NOTHING
            """, new { snapshotId, path, now = time.Now(), rows = ids.Count, previous }, transaction);
        await connection.ExecuteAsync("DELETE FROM exported_ids", transaction: transaction);
        await connection.ExecuteAsync("INSERT INTO exported_ids (pair_id) VALUES (@id)", ids.Select(id => new { id }), transaction);
        await transaction.CommitAsync(ct);
    }
}
