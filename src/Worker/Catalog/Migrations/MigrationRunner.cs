using Dapper;
using Microsoft.Extensions.Logging;

namespace Crawler.Worker.Catalog.Migrations;

/// <summary>Brings the catalog schema up to date, one transaction per migration, recording each applied version.</summary>
public sealed class MigrationRunner(ICatalogDb db, ILogger<MigrationRunner> logger)
{
    public async Task<int> MigrateAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(db.Dialect.Prepare);
        await connection.ExecuteAsync("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at INTEGER NOT NULL)
            """);
        var applied = (await connection.QueryAsync<int>("SELECT version FROM schema_migrations")).ToHashSet();
        var newest = MigrationList.All.Max(m => m.Version);
        if (applied.Count > 0 && applied.Max() > newest)
        {
            throw new InvalidOperationException(
                $"The catalog has schema version {applied.Max()}, newer than this build knows ({newest}); run a newer build.");
        }
        foreach (var migration in MigrationList.All.Where(m => !applied.Contains(m.Version)).OrderBy(m => m.Version))
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await connection.ExecuteAsync(migration.Sql, transaction: transaction);
            await connection.ExecuteAsync(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @At)",
                new { migration.Version, migration.Name, At = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() },
                transaction);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Catalog migrated to version {Version}: {Name}", migration.Version, migration.Name);
        }
        return newest;
    }
}
