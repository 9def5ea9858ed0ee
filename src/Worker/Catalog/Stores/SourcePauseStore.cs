using Dapper;

namespace Crawler.Worker.Catalog.Stores;

/// <summary>
/// Counts each source's pages in a row whose layout no longer matched and holds the pause that too many of
/// them cause. Any page that parses again ends the run of failures.
/// </summary>
public sealed class SourcePauseStore(ICatalogDb db, TimeProvider time)
{
    /// <summary>Counts one more layout failure and pauses the source when the run reaches <paramref name="limit"/>.</summary>
    /// <returns>True when this failure paused the source; false when it was already paused or the run is shorter.</returns>
    public async Task<bool> RecordFailureAsync(string source, string reason, int limit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var failures = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO source_pauses (source, layout_failures) VALUES (@source, 1)
            ON CONFLICT (source) DO UPDATE SET layout_failures = layout_failures + 1
            RETURNING layout_failures
            """, new { source });
        if (failures < limit)
        {
            return false;
        }
        var paused = await connection.ExecuteAsync(
            "UPDATE source_pauses SET paused_reason = @reason, paused_at = @now WHERE source = @source AND paused_reason IS NULL",
            new { source, reason, now = time.Now() });
        return paused == 1;
    }

    /// <summary>Ends the source's run of layout failures; a pause already taken stays until a restart.</summary>
    public async Task RecordSuccessAsync(string source, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(
            "UPDATE source_pauses SET layout_failures = 0 WHERE source = @source AND layout_failures > 0", new { source });
    }

    /// <summary>Why <paramref name="source"/> is paused, or null when it is not.</summary>
    public async Task<string?> PausedReasonAsync(string source, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<string?>(
            "SELECT paused_reason FROM source_pauses WHERE source = @source", new { source });
    }

    /// <summary>Every paused source with its reason.</summary>
    public async Task<IReadOnlyDictionary<string, string>> PausedAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string Source, string Reason)>(
            "SELECT source, paused_reason FROM source_pauses WHERE paused_reason IS NOT NULL ORDER BY source");
        return rows.ToDictionary(r => r.Source, r => r.Reason);
    }

    /// <summary>Lifts every pause and forgets every run of failures, returning what was paused and why.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ClearAsync(CancellationToken ct)
    {
        var paused = await PausedAsync(ct);
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync("DELETE FROM source_pauses");
        return paused;
    }
}
