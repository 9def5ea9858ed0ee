using System.Text.Json;

namespace Crawler.EndToEnd.Tests;

/// <summary>Compares snapshots read with <see cref="DemoSnapshot.Contents"/> row by row.</summary>
internal static class SnapshotRows
{
    public static void AssertSame(List<Dictionary<string, object?>> expected, List<Dictionary<string, object?>> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(actual.Count, actual.Select(r => (string)r["id"]!).Distinct().Count());
        for (var i = 0; i < expected.Count; i++)
        {
            // Name the columns that differ: the rows are too wide for the assertion's own message to show them.
            var row = i;
            var differing = expected[i].Keys.Where(k => Text(expected[row], k) != Text(actual[row], k))
                .Select(k => $"{k}: expected {Text(expected[row], k)}, got {Text(actual[row], k)}").ToList();
            Assert.True(differing.Count == 0, $"row {expected[i]["id"]}: {string.Join("; ", differing)}");
            Assert.Equal(expected[i].Keys.Order(), actual[i].Keys.Order());
        }
    }

    private static string Text(Dictionary<string, object?> row, string column) => JsonSerializer.Serialize(row.GetValueOrDefault(column));
}
