using Crawler.Worker.Catalog;
using Dapper;

namespace Crawler.Worker.Catalog.Work;

/// <summary>
/// The catalog's durable queue of pending work per stage. Items are leased, never removed: a done item
/// keeps its state and a failed one its reason, and re-enqueueing a done item reopens it.
/// </summary>
public sealed class WorkQueue(ICatalogDb db, TimeProvider time)
{
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Adds items, or reopens them (a changed thread is parsed again).</summary>
    public Task EnqueueAsync(string stage, IEnumerable<(string Key, string SortKey)> items, DateTimeOffset? notBefore = null, CancellationToken ct = default) =>
        UpsertAsync(stage, items, notBefore, reopen: true, ct);

    /// <summary>Adds items that are not queued yet and leaves existing ones alone (an image already fetched stays fetched).</summary>
    public Task EnqueueIfAbsentAsync(string stage, IEnumerable<(string Key, string SortKey)> items, CancellationToken ct = default) =>
        UpsertAsync(stage, items, null, reopen: false, ct);

    /// <summary>Adds items not queued yet, due at <paramref name="notBefore"/>; existing ones keep their state and schedule.</summary>
    public Task EnqueueIfAbsentAsync(string stage, IEnumerable<(string Key, string SortKey)> items, DateTimeOffset notBefore, CancellationToken ct) =>
        UpsertAsync(stage, items, notBefore, reopen: false, ct);

    /// <summary>
    /// Makes pending items that wait for something (deferred, or backing off) due now, because what they waited
    /// for has happened; items already due, running or finished are left alone.
    /// </summary>
    public async Task WakeAsync(string stage, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        if (keys.Count == 0)
        {
            return;
        }
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(
            "UPDATE work SET not_before = @now WHERE stage = @stage AND item_key IN @keys AND state = 'pending' AND not_before > @now",
            new { stage, keys, now });
    }

    public async Task<IReadOnlyList<WorkItem>> ClaimAsync(string stage, int max, TimeSpan lease, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        var items = await connection.QueryAsync<WorkItem>(db.Dialect.ClaimWork, new
        {
            stage,
            max,
            owner = _owner,
            now = now.ToUnixTimeMilliseconds(),
            until = (now + lease).ToUnixTimeMilliseconds(),
        });
        return items.OrderBy(i => i.SortKey, StringComparer.Ordinal).ThenBy(i => i.ItemKey, StringComparer.Ordinal).ToList();
    }

    /// <summary>Marks the item done, unless it was re-enqueued while leased: then it only gives the lease back.</summary>
    public Task CompleteAsync(WorkItem item, CancellationToken ct) => ExecuteAsync("""
        UPDATE work SET state = CASE WHEN generation = @Generation THEN 'done' ELSE state END,
            reason = CASE WHEN generation = @Generation THEN NULL ELSE reason END,
            lease_owner = NULL, lease_until = NULL, updated_at = @now
        WHERE stage = @Stage AND item_key = @ItemKey
        """, item, null, null, ct);

    /// <summary>Counts an attempt and makes the item due again at <paramref name="retryAt"/>.</summary>
    public Task RetryAsync(WorkItem item, string reason, DateTimeOffset retryAt, CancellationToken ct) => ExecuteAsync("""
        UPDATE work SET attempts = attempts + 1, reason = @reason, not_before = @at,
            lease_owner = NULL, lease_until = NULL, updated_at = @now
        WHERE stage = @Stage AND item_key = @ItemKey
        """, item, reason, retryAt, ct);

    /// <summary>Puts the item back without counting an attempt: it waits for another stage's work.</summary>
    public Task DeferAsync(WorkItem item, string reason, DateTimeOffset until, CancellationToken ct) => ExecuteAsync("""
        UPDATE work SET reason = @reason, not_before = @at, lease_owner = NULL, lease_until = NULL, updated_at = @now
        WHERE stage = @Stage AND item_key = @ItemKey
        """, item, reason, until, ct);

    /// <summary>Gives up on the item for good, unless it was re-enqueued while leased.</summary>
    public Task FailAsync(WorkItem item, string reason, CancellationToken ct) => ExecuteAsync("""
        UPDATE work SET state = CASE WHEN generation = @Generation THEN 'failed' ELSE state END,
            attempts = attempts + 1, reason = @reason, lease_owner = NULL, lease_until = NULL, updated_at = @now
        WHERE stage = @Stage AND item_key = @ItemKey
        """, item, reason, null, ct);

    /// <summary>Gives back a lease untouched (shutdown while the item was in hand).</summary>
    public Task ReleaseAsync(WorkItem item, CancellationToken ct) => ExecuteAsync("""
        UPDATE work SET lease_owner = NULL, lease_until = NULL WHERE stage = @Stage AND item_key = @ItemKey
        """, item, null, null, ct);

    /// <summary>Frees every lease; only safe when this process is the catalog's sole user (the SQLite data-dir lock).</summary>
    public async Task ReleaseAllLeasesAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync("UPDATE work SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL");
    }

    /// <summary>Items due now, per stage.</summary>
    public async Task<int> CountDueAsync(string stage, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM work WHERE stage = @stage AND state = 'pending' AND not_before <= @now",
            new { stage, now = time.GetUtcNow().ToUnixTimeMilliseconds() });
    }

    /// <summary>Whether the item waits in the stage (pending, due or not); false when done, failed or never queued.</summary>
    public async Task<bool> IsPendingAsync(string stage, string itemKey, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM work WHERE stage = @stage AND item_key = @itemKey AND state = 'pending'", new { stage, itemKey }) > 0;
    }

    /// <summary>Items per stage and state, for logs and the dashboard.</summary>
    public async Task<IReadOnlyList<(string Stage, string State, int Count)>> CountsAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string Stage, string State, long Count)>(
            "SELECT stage, state, COUNT(*) FROM work GROUP BY stage, state ORDER BY stage, state");
        return rows.Select(r => (r.Stage, r.State, (int)r.Count)).ToList();
    }

    private async Task UpsertAsync(string stage, IEnumerable<(string Key, string SortKey)> items, DateTimeOffset? notBefore, bool reopen, CancellationToken ct)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var rows = items.Select(i => new { stage, key = i.Key, sort = i.SortKey, nb = notBefore?.ToUnixTimeMilliseconds() ?? now, now }).ToList();
        if (rows.Count == 0)
        {
            return;
        }
        var conflict = reopen
            ? """
              DO UPDATE SET state = 'pending', generation = work.generation + 1, attempts = 0, reason = NULL,
                  sort_key = excluded.sort_key, not_before = excluded.not_before, updated_at = excluded.updated_at
              """
            : "DO NOTHING";
        await using var connection = await db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync($"""
            INSERT INTO work (stage, item_key, state, generation, attempts, sort_key, not_before, updated_at)
            VALUES (@stage, @key, 'pending', 0, 0, @sort, @nb, @now)
            ON CONFLICT (stage, item_key) {conflict}
            """, rows, transaction);
        await transaction.CommitAsync(ct);
    }

    private async Task ExecuteAsync(string sql, WorkItem item, string? reason, DateTimeOffset? at, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(sql, new
        {
            item.Stage,
            item.ItemKey,
            item.Generation,
            reason = Truncate(reason),
            at = at?.ToUnixTimeMilliseconds(),
            now = time.GetUtcNow().ToUnixTimeMilliseconds(),
        });
    }

    private static string? Truncate(string? reason) => reason is { Length: > 2000 } ? reason[..2000] : reason;
}
