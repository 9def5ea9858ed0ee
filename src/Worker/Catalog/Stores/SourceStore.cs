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
}
