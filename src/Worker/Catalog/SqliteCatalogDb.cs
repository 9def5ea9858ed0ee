using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Crawler.Worker.Catalog;

/// <summary>The embedded catalog: one SQLite file in WAL mode inside the data directory.</summary>
public sealed class SqliteCatalogDb(string path) : ICatalogDb
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    public string Path => path;

    public ISqlDialect Dialect { get; } = new SqliteDialect();

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var pragmas = connection.CreateCommand();
            // Stages write concurrently; wait for the lock instead of failing with SQLITE_BUSY.
            pragmas.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";
            await pragmas.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
