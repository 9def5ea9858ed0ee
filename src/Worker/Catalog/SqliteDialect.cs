namespace Crawler.Worker.Catalog;

/// <summary>SQLite: one writer at a time, so a claim needs no row locks.</summary>
public sealed class SqliteDialect : ISqlDialect
{
    public string ClaimWork => """
        UPDATE work SET lease_owner = @owner, lease_until = @until
        WHERE rowid IN (
            SELECT rowid FROM work
            WHERE stage = @stage AND state = 'pending' AND not_before <= @now
              AND (lease_until IS NULL OR lease_until < @now)
            ORDER BY sort_key, item_key
            LIMIT @max)
        RETURNING stage, item_key, generation, attempts, sort_key
        """;

    // WAL lets readers (dashboard, health) proceed while a stage writes; NORMAL sync is crash-safe in WAL mode.
    public string Prepare => "PRAGMA journal_mode = WAL;";
}
