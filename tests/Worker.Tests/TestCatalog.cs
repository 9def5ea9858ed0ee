using Crawler.TestSupport;
using Crawler.Worker.Catalog;
using Crawler.Worker.Catalog.Migrations;
using Crawler.Worker.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crawler.Worker.Tests;

/// <summary>A real, migrated SQLite catalog in a temporary folder.</summary>
internal sealed class TestCatalog : IDisposable
{
    private readonly TempDir _dir = new("crawler-catalog-");

    private TestCatalog()
    {
        Db = new SqliteCatalogDb(_dir.Combine("catalog.db"));
    }

    public SqliteCatalogDb Db { get; }

    public string DataDir => _dir.Path;

    public static async Task<TestCatalog> CreateAsync()
    {
        DapperSetup.Apply();
        var catalog = new TestCatalog();
        await new MigrationRunner(catalog.Db, NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);
        return catalog;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
