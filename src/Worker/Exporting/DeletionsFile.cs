using Crawler.Worker.Catalog;
using System.Text.Json;
using Crawler.Core.Text;

namespace Crawler.Worker.Exporting;

/// <summary>
/// Parses a deletions file: one JSON object per line, <c>{"site": "reddit", "thread": "abc123"}</c> or with
/// <c>reply</c> or <c>url</c> instead of <c>thread</c>. Blank lines and lines starting with <c>#</c> are
/// skipped; every other line that is not such an object is returned with the reason it was refused.
/// </summary>
public static class DeletionsFile
{
    private const int MaxRecordedText = 300;

    public static (List<(string Site, string Kind, string Key, int Line)> Entries, List<(int Line, string Text, string Reason)> Errors) Parse(IEnumerable<string> lines)
    {
        var entries = new List<(string, string, string, int)>();
        var errors = new List<(int, string, string)>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }
            var (entry, reason) = ParseLine(text);
            if (entry is { } e)
            {
                entries.Add((e.Site, e.Kind, e.Key, number));
            }
            else
            {
                errors.Add((number, text.Length > MaxRecordedText ? text[..MaxRecordedText] : text, reason!));
            }
        }
        return (entries, errors);
    }

    private static ((string Site, string Kind, string Key)?, string?) ParseLine(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonText.Parse(text);
        }
        catch (JsonException e)
        {
            return (null, $"not JSON: {e.Message}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, "not a JSON object");
            }
            if (StringProperty(document.RootElement, "site") is not { } site)
            {
                return (null, "no \"site\" string");
            }
            var named = DeletionKinds.All.Select(kind => (Kind: kind, Key: StringProperty(document.RootElement, kind))).Where(k => k.Key is not null).ToList();
            if (named.Count != 1)
            {
                return (null, $"needs exactly one of \"thread\", \"reply\" or \"url\" as a non-empty string; found {named.Count}");
            }
            return ((site, named[0].Kind, DeletionKeys.Normalize(site, named[0].Kind, named[0].Key!)), null);
        }
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim() is { Length: > 0 } s ? s : null;
}
