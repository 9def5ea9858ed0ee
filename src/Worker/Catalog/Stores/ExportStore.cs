using Dapper;

namespace Crawler.Worker.Catalog.Stores;

/// <summary>
/// What a snapshot may contain: accepted pairs with an ok rewrite and two good images, minus threads and
/// replies seen deleted and rows rejected in review (entries of the <c>deletions</c> table are matched by
/// the exporter, which knows every URL a row is reachable by). Also keeps the history of snapshots.
/// </summary>
public sealed class ExportStore(ICatalogDb db, TimeProvider time)
{
    public async IAsyncEnumerable<ExportCandidate> CandidatesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        // Unbuffered: a snapshot of 300k rows streams rather than sitting in memory.
        var rows = connection.QueryUnbufferedAsync<ExportCandidate>("""
            SELECT p.pair_id, p.site, p.thread_id, p.reply_id, p.source_url, p.target_url, p.score, p.accepted, p.similarity, p.cluster,
                   p.request_text, p.editor, p.kind,
                   t.community, t.url AS thread_url, t.created_utc, t.nsfw, t.author AS requester,
                   r.instruction, r.edit_type, r.model AS rewrite_model,
                   us.sha256 AS source_sha, ut.sha256 AS target_sha,
                   si.format AS source_format, ti.format AS target_format,
                   si.width AS source_width, si.height AS source_height, ti.width AS target_width, ti.height AS target_height,
                   si.orientation AS source_orientation, ti.orientation AS target_orientation
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
            ORDER BY p.pair_id
            """);
        await foreach (var row in rows.WithCancellation(ct))
        {
            yield return row;
        }
    }

    /// <summary>Every recorded deletion (from revisits, opt-outs and the deletions file).</summary>
    public async Task<IReadOnlyList<(string Site, string Kind, string Key)>> DeletionsAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<(string, string, string)>("SELECT site, kind, key FROM deletions")).ToList();
    }

    public async Task<IReadOnlySet<string>> RecordedSnapshotsAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<string>("SELECT snapshot_id FROM snapshots")).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Records a published snapshot in the history; recording it twice changes nothing.</summary>
    public async Task RecordSnapshotAsync(string snapshotId, string path, int rows, string? previous, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync("""
            INSERT INTO snapshots (snapshot_id, path, created_at, rows, previous) VALUES (@snapshotId, @path, @now, @rows, @previous)
            ON CONFLICT (snapshot_id) DO NOTHING
            """, new { snapshotId, path, now = time.Now(), rows, previous });
    }
}
