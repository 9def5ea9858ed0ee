using Dapper;

namespace Crawler.Worker.Catalog.Stores;

/// <summary>Writes an imported deletions file: its entries as deletions, its bad lines with their reasons.</summary>
public sealed class DeletionImportStore(ICatalogDb db, TimeProvider time)
{
    /// <summary>
    /// Upserts the entries and replaces the file's recorded errors, in one transaction, so importing the same
    /// file again changes nothing and a corrected line stops being reported.
    /// </summary>
    public async Task ImportAsync(string file, IReadOnlyList<(string Site, string Kind, string Key, int Line)> entries,
        IReadOnlyList<(int Line, string Text, string Reason)> errors, CancellationToken ct)
    {
        var now = time.Now();
        await using var connection = await db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync("""
            INSERT INTO deletions (site, kind, key, origin, at) VALUES (@Site, @Kind, @Key, @origin, @now)
            ON CONFLICT (site, kind, key) DO NOTHING
            """, entries.Select(e => new { e.Site, e.Kind, e.Key, origin = $"file {file} line {e.Line}", now }), transaction);
        await connection.ExecuteAsync("DELETE FROM deletion_import_errors WHERE file = @file", new { file }, transaction);
        await connection.ExecuteAsync(
            "INSERT INTO deletion_import_errors (file, line, text, reason, at) VALUES (@file, @Line, @Text, @Reason, @now)",
            errors.Select(e => new { file, e.Line, e.Text, e.Reason, now }), transaction);
        await transaction.CommitAsync(ct);
    }
}
