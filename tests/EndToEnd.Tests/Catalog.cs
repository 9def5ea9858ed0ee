using Microsoft.Data.Sqlite;

namespace Crawler.EndToEnd.Tests;

/// <summary>Reads a data directory's SQLite catalog directly, as an operator would with the sqlite3 shell.</summary>
internal static class Catalog
{
    public static List<Dictionary<string, object?>> Query(string dataDir, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDir, "catalog.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        }
        return rows;
    }
}
