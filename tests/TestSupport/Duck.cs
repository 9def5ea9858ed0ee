using System.Data.Common;
using DuckDB.NET.Data;

namespace Crawler.TestSupport;

/// <summary>DuckDB in memory: the independent Parquet reader the snapshot tests check against.</summary>
public static class Duck
{
    public static List<Dictionary<string, object?>> Query(string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            rows.Add(Row(reader));
        }
        return rows;
    }

    public static object? Scalar(string sql) => Query(sql).Single().Values.Single();

    /// <summary>A path for DuckDB's SQL string literals.</summary>
    public static string Literal(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>BLOBs arrive as streams over DuckDB's memory, which dies with the reader; copy them out.</summary>
    private static object Materialise(object value)
    {
        if (value is not Stream stream)
        {
            return value;
        }
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static Dictionary<string, object?> Row(DbDataReader reader)
    {
        var row = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            row[reader.GetName(i)] = reader.IsDBNull(i) ? null : Materialise(reader.GetValue(i));
        }
        return row;
    }
}
