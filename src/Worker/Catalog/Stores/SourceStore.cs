using Dapper;

namespace Crawler.Worker.Catalog.Stores;

/// <summary>Per-source crawl state.</summary>
public sealed class SourceStore(ICatalogDb db, TimeProvider time)
{
    public async Task RecordDiscoveryAsync(string name, string site, string? reason, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync("""
            INSERT INTO sources (name, site, last_discovered, reason) VALUES (@name, @site, @now, @reason)
            ON CONFLICT (name) DO UPDATE SET site = excluded.site, last_discovered = excluded.last_discovered, reason = excluded.reason
            """, new { name, site, reason, now = time.Now() });
    }

    /// <summary>Cursors of listing pages still to read for <paramref name="community"/>, oldest first.</summary>
    public async Task<IReadOnlyList<string>> PendingCursorsAsync(string source, string community, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return [.. await connection.QueryAsync<string>(
            "SELECT cursor FROM listing_cursors WHERE source = @source AND community = @community ORDER BY added_at, cursor",
            new { source, community })];
    }

    public async Task AddCursorAsync(string source, string community, string cursor, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync("""
            INSERT INTO listing_cursors (source, community, cursor, added_at) VALUES (@source, @community, @cursor, @now)
            ON CONFLICT (source, community, cursor) DO NOTHING
            """, new { source, community, cursor, now = time.Now() });
    }

    public async Task RemoveCursorAsync(string source, string community, string cursor, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(
            "DELETE FROM listing_cursors WHERE source = @source AND community = @community AND cursor = @cursor",
            new { source, community, cursor });
    }
}
