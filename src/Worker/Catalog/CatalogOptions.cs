namespace Crawler.Worker.Catalog;

/// <summary>Which catalog database to use; bound from <c>Catalog</c>.</summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary><c>sqlite</c> (embedded, in the data directory) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>For <c>postgres</c>: the Npgsql connection string (take the password from the environment).</summary>
    public string? ConnectionString { get; set; }
}
