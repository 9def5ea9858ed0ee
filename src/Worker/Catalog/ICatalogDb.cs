using System.Data.Common;

namespace Crawler.Worker.Catalog;

/// <summary>
/// The catalog database. Stores write portable SQL (upserts with ON CONFLICT, RETURNING) against it; what
/// differs between SQLite and PostgreSQL lives in <see cref="ISqlDialect"/>.
/// </summary>
public interface ICatalogDb
{
    ISqlDialect Dialect { get; }

    /// <summary>An open connection, ready for use; dispose it when done.</summary>
    Task<DbConnection> OpenAsync(CancellationToken ct);
}
