using Crawler.Core.Domain;
using Dapper;

namespace Crawler.Worker.Catalog.Stores;

/// <summary>The threads to fetch, with what the last fetch learned (validators for conditional GET).</summary>
public sealed class FrontierStore(ICatalogDb db, TimeProvider time)
{
    /// <summary>Adds threads a listing showed; returns those that were new.</summary>
    public async Task<IReadOnlyList<FrontierEntry>> AddDiscoveredAsync(IEnumerable<FrontierEntry> entries, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var added = new List<FrontierEntry>();
        foreach (var entry in entries)
        {
            var rows = await connection.ExecuteAsync("""
                INSERT INTO frontier (site, thread_id, source, community, url, first_seen, status)
                VALUES (@Site, @ThreadId, @Source, @Community, @Url, @now, 'new')
                ON CONFLICT (site, thread_id) DO NOTHING
                """, new { entry.Site, entry.ThreadId, entry.Source, entry.Community, entry.Url, now = time.Now() }, transaction);
            if (rows > 0)
            {
                added.Add(entry);
            }
        }
        await transaction.CommitAsync(ct);
        return added;
    }

    /// <summary>Adds threads read from a dump, marked <c>imported</c>; threads already known keep their state.</summary>
    public async Task AddImportedAsync(IEnumerable<FrontierEntry> entries, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync("""
            INSERT INTO frontier (site, thread_id, source, community, url, first_seen, status)
            VALUES (@Site, @ThreadId, @Source, @Community, @Url, @now, 'imported')
            ON CONFLICT (site, thread_id) DO NOTHING
            """, entries.Select(e => new { e.Site, e.ThreadId, e.Source, e.Community, e.Url, now = time.Now() }), transaction);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Every thread of <paramref name="site"/> in the frontier: whether it came from a dump, and when it was posted (0 when not parsed).</summary>
    public async Task<Dictionary<string, (bool Imported, long CreatedUtc)>> KnownAsync(string site, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string ThreadId, string Status, long CreatedUtc)>("""
            SELECT f.thread_id, f.status, COALESCE(t.created_utc, 0) FROM frontier f
            LEFT JOIN threads t ON t.site = f.site AND t.thread_id = f.thread_id
            WHERE f.site = @site
            """, new { site });
        return rows.ToDictionary(r => r.ThreadId, r => (r.Status == "imported", r.CreatedUtc), StringComparer.Ordinal);
    }

    public async Task<FrontierEntry?> GetAsync(ThreadRef thread, CancellationToken ct)
    {
        var (site, threadId) = thread;
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<FrontierEntry>(
            "SELECT * FROM frontier WHERE site = @site AND thread_id = @threadId", new { site, threadId });
    }

    /// <summary>Records a fetch; <paramref name="changed"/> is false for a 304 or identical bytes.</summary>
    /// <param name="note">What the fetch left undone (hidden replies not expanded), kept as the reason; null clears it.</param>
    public async Task RecordFetchAsync(ThreadRef thread, bool changed, string? etag, string? lastModified, CancellationToken ct, string? note = null)
    {
        var (site, threadId) = thread;
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync("""
            UPDATE frontier SET last_fetched = @now, fetches = fetches + 1, status = 'fetched', reason = @note,
                last_changed = CASE WHEN @changed THEN @now ELSE last_changed END,
                etag = COALESCE(@etag, etag), last_modified = COALESCE(@lastModified, last_modified)
            WHERE site = @site AND thread_id = @threadId
            """, new { site, threadId, changed, etag, lastModified, note, now = time.Now() });
    }

    public async Task RecordFailureAsync(ThreadRef thread, string reason, CancellationToken ct)
    {
        var (site, threadId) = thread;
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(
            "UPDATE frontier SET status = 'failed', reason = @reason WHERE site = @site AND thread_id = @threadId",
            new { site, threadId, reason });
    }
}
