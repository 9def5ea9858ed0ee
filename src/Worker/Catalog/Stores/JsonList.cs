using System.Text.Json;

namespace Crawler.Worker.Catalog.Stores;

/// <summary>Small ordered string lists (image URLs, reply ids) kept as JSON text columns.</summary>
internal static class JsonList
{
    public static string Write(IEnumerable<string> values) => JsonSerializer.Serialize(values);

    public static IReadOnlyList<string> Read(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<string>>(json) ?? [];
}
