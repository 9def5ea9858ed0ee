using Dapper;

namespace Crawler.Worker.Catalog.Stores;

/// <summary>Where each archive source's listing of each community goes on from.</summary>
public sealed class ArchiveCursorStore(ICatalogDb db, TimeProvider time)
{
    public async Task<ArchiveCursor?> GetAsync(string source, string community, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<(long CreatedUtc, string ThreadId)>(
            "SELECT created_utc, thread_id FROM archive_cursors WHERE source = @source AND community = @community",
            new { source, community })).Select(r => new ArchiveCursor(r.CreatedUtc, r.ThreadId)).SingleOrDefault();
    }

    public async Task SaveAsync(string source, string community, ArchiveCursor cursor, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync("""
            INSERT INTO archive_cursors (source, community, created_utc, thread_id, updated_at)
            VALUES (@source, @community, @CreatedUtc, @ThreadId, @now)
            ON CONFLICT (source, community) DO UPDATE SET created_utc = excluded.created_utc, thread_id = excluded.thread_id,
                updated_at = excluded.updated_at
            """, new { source, community, cursor.CreatedUtc, cursor.ThreadId, now = time.Now() });
    }

    /// <summary>The newest thread of <paramref name="community"/> the catalog holds from any source (a dump), or null.</summary>
    public async Task<ArchiveCursor?> NewestThreadAsync(string site, string community, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<(long CreatedUtc, string ThreadId)>("""
            SELECT created_utc, thread_id FROM threads WHERE site = @site AND community = @community COLLATE NOCASE
            ORDER BY created_utc DESC, length(thread_id) DESC, thread_id DESC LIMIT 1
            """, new { site, community })).Select(r => new ArchiveCursor(r.CreatedUtc, r.ThreadId)).SingleOrDefault();
    }
}
