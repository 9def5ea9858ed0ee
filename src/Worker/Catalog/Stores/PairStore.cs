using Crawler.Core.Domain;
using Dapper;

namespace Crawler.Worker.Catalog.Stores;

/// <summary>Pairs per thread, as the pairing rules found them and as dedup decided.</summary>
public sealed class PairStore(ICatalogDb db, TimeProvider time)
{
    /// <summary>
    /// Replaces the thread's candidates with the rules' latest answer. An unchanged pair is not written at all,
    /// so a decision already taken on it stands; a pair no longer found is dropped with <paramref name="missingReason"/>.
    /// </summary>
    /// <returns>The thread's pairs still waiting for a dedup decision: new, changed, or not yet decided.</returns>
    public async Task<IReadOnlyList<string>> SaveCandidatesAsync(ThreadRef thread, IReadOnlyList<PairCandidate> candidates, CancellationToken ct,
        string missingReason = "no longer in the thread")
    {
        var (site, threadId) = thread;
        var now = time.Now();
        await using var connection = await db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync("""
            INSERT INTO pairs (pair_id, site, thread_id, reply_id, image_index, source_url, target_url, editor, score, accepted,
                rank, request_text, editor_text, kind, status, reason, updated_at)
            VALUES (@pairId, @site, @threadId, @ReplyId, @ImageIndex, @SourceUrl, @TargetUrl, @Editor, @Score, @AcceptedByRequester,
                @Rank, @RequestText, @EditorText, @kind, @status, @DropReason, @now)
            ON CONFLICT (pair_id) DO UPDATE SET
                status = CASE
                    WHEN excluded.status = 'dropped' THEN 'dropped'
                    WHEN pairs.status = 'dropped' OR pairs.source_url <> excluded.source_url OR pairs.target_url <> excluded.target_url THEN 'candidate'
                    ELSE pairs.status END,
                reason = CASE
                    WHEN excluded.status = 'dropped' THEN excluded.reason
                    WHEN pairs.status = 'dropped' OR pairs.source_url <> excluded.source_url OR pairs.target_url <> excluded.target_url THEN NULL
                    ELSE pairs.reason END,
                source_url = excluded.source_url, target_url = excluded.target_url, editor = excluded.editor,
                score = excluded.score, accepted = excluded.accepted, rank = excluded.rank,
                request_text = excluded.request_text, editor_text = excluded.editor_text, kind = excluded.kind, updated_at = excluded.updated_at
            WHERE pairs.source_url <> excluded.source_url OR pairs.target_url <> excluded.target_url
                OR pairs.editor IS DISTINCT FROM excluded.editor OR pairs.score <> excluded.score OR pairs.accepted <> excluded.accepted
                OR pairs.rank <> excluded.rank OR pairs.request_text <> excluded.request_text OR pairs.editor_text <> excluded.editor_text OR pairs.kind <> excluded.kind
                OR (pairs.status = 'dropped') <> (excluded.status = 'dropped')
                OR (excluded.status = 'dropped' AND pairs.reason IS DISTINCT FROM excluded.reason)
            """, candidates.Select(c => new
        {
            pairId = PairId.Of(thread, c),
            site,
            threadId,
            c.ReplyId,
            c.ImageIndex,
            c.SourceUrl,
            c.TargetUrl,
            c.Editor,
            c.Score,
            c.AcceptedByRequester,
            c.Rank,
            c.RequestText,
            c.EditorText,
            kind = c.Kind.Name(),
            status = c.Taken ? PairStatus.Candidate : PairStatus.Dropped,
            c.DropReason,
            now,
        }), transaction);
        var current = candidates.Select(c => PairId.Of(thread, c)).ToList();
        await connection.ExecuteAsync("""
            UPDATE pairs SET status = 'dropped', reason = @missingReason, updated_at = @now
            WHERE site = @site AND thread_id = @threadId AND status <> 'dropped' AND NOT (pair_id IN @current)
            """, new { site, threadId, current, missingReason, now }, transaction);
        var undecided = await connection.QueryAsync<string>(
            "SELECT pair_id FROM pairs WHERE site = @site AND thread_id = @threadId AND status = 'candidate' ORDER BY pair_id",
            new { site, threadId }, transaction);
        await transaction.CommitAsync(ct);
        return [.. undecided];
    }

    /// <summary>How many pairs were written since <paramref name="since"/>, and how many of them were dropped.</summary>
    public async Task<(int Written, int Retired)> WrittenSinceAsync(DateTimeOffset since, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleAsync<(int, int)>(
            "SELECT COUNT(*), COALESCE(SUM(CASE WHEN status = 'dropped' THEN 1 ELSE 0 END), 0) FROM pairs WHERE updated_at >= @since",
            new { since = since.ToUnixTimeMilliseconds() });
    }

    /// <summary>The pairs that take <paramref name="urls"/> as original or edit.</summary>
    public async Task<IReadOnlyList<string>> IdsUsingUrlsAsync(IReadOnlyCollection<string> urls, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return [.. await connection.QueryAsync<string>(
            "SELECT pair_id FROM pairs WHERE source_url IN @urls OR target_url IN @urls", new { urls })];
    }

    /// <summary>The pairs whose original or edit is one of the stored images <paramref name="shas"/>, by any of its links.</summary>
    public async Task<IReadOnlyList<string>> IdsUsingImagesAsync(IReadOnlyCollection<string> shas, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return [.. await connection.QueryAsync<string>("""
            SELECT DISTINCT p.pair_id FROM pairs p JOIN image_urls u ON u.url = p.source_url OR u.url = p.target_url
            WHERE u.sha256 IN @shas
            """, new { shas })];
    }

    public async Task<PairRow?> GetAsync(string pairId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<PairRow>("SELECT * FROM pairs WHERE pair_id = @pairId", new { pairId });
    }

    public async Task<IReadOnlyList<PairRow>> ForThreadAsync(ThreadRef thread, CancellationToken ct)
    {
        var (site, threadId) = thread;
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<PairRow>(
            "SELECT * FROM pairs WHERE site = @site AND thread_id = @threadId ORDER BY rank, pair_id", new { site, threadId });
        return rows.ToList();
    }

    public async Task DecideAsync(string pairId, string status, string? reason, double? similarity, double? pixelDifference, string? cluster, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync("""
            UPDATE pairs SET status = @status, reason = @reason, similarity = @similarity, pixel_difference = @pixelDifference,
                cluster = @cluster, updated_at = @now
            WHERE pair_id = @pairId
            """, new { pairId, status, reason, similarity, pixelDifference, cluster, now = time.Now() });
    }
}
