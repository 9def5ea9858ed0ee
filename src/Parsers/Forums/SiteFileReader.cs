using System.Text.Json;
using System.Text.RegularExpressions;

namespace Crawler.Parsers.Forums;

/// <summary>
/// Reads a site file and the presets it extends (each a file beside it), checks every key of each, and
/// merges them: a file's keys override its preset's. Collects every problem rather than stopping at the first.
/// </summary>
internal static partial class SiteFileReader
{
    [GeneratedRegex(@"^[A-Za-z0-9][-A-Za-z0-9_.]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PresetName();

    /// <exception cref="SiteFileException">Any problem with the file or a preset it extends.</exception>
    public static (string Name, IReadOnlyDictionary<string, JsonElement> Values) Read(string path)
    {
        var errors = new List<string>();
        var layers = new List<Dictionary<string, JsonElement>>();
        var visited = new List<string>();
        var chainComplete = true;
        for (string? current = Path.GetFullPath(path); current is not null;)
        {
            visited.Add(current);
            var layer = ReadOne(current, errors);
            if (layer is null)
            {
                chainComplete = false;
                break;
            }
            layers.Add(layer);
            current = Parent(current, layer, visited, errors);
            chainComplete &= current is not null || !layer.ContainsKey("extends");
        }
        var merged = Merge(layers);
        if (chainComplete)
        {
            errors.AddRange(SiteKeys.All
                .Where(k => k.Required && !merged.ContainsKey(k.Name))
                .Select(k => $"{Path.GetFileName(path)}: {k.Name}: missing (required)"));
            if (layers.Count > 0 && !merged.ContainsKey("postAuthor") && !merged.ContainsKey("postAuthorAttribute"))
            {
                errors.Add($"{Path.GetFileName(path)}: postAuthor: missing (required unless postAuthorAttribute is set)");
            }
        }
        if (errors.Count > 0)
        {
            throw new SiteFileException(errors);
        }
        var name = merged.TryGetValue("name", out var named) ? named.GetString()! : Path.GetFileNameWithoutExtension(path);
        return (name, merged);
    }

    /// <returns>The file's keys, each checked; null when the file cannot be read as a JSON object.</returns>
    private static Dictionary<string, JsonElement>? ReadOne(string path, List<string> errors)
    {
        var file = Path.GetFileName(path);
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            root = document.RootElement.Clone();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add($"{file}: $: cannot be read: {e.Message}");
            return null;
        }
        catch (JsonException e)
        {
            errors.Add($"{file}: $: not JSON: {e.Message.Split('\n')[0]}");
            return null;
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{file}: $: must be a JSON object");
            return null;
        }
        var keys = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (!SiteKeys.ByName.TryGetValue(property.Name, out var key))
            {
                errors.Add($"{file}: {property.Name}: unknown key");
            }
            else if (SiteValueCheck.Problem(key, property.Value) is { } problem)
            {
                errors.Add($"{file}: {property.Name}: {problem}");
            }
            else
            {
                keys[property.Name] = property.Value;
            }
        }
        return keys;
    }

    /// <returns>The preset file <paramref name="layer"/> extends; null when none, or when it is missing or closes a cycle (an error then says so).</returns>
    private static string? Parent(string path, Dictionary<string, JsonElement> layer, List<string> visited, List<string> errors)
    {
        if (!layer.TryGetValue("extends", out var extends))
        {
            return null;
        }
        var file = Path.GetFileName(path);
        var preset = extends.GetString()!;
        if (!PresetName().IsMatch(preset))
        {
            errors.Add($"{file}: extends: '{preset}' is not a preset name (a file name beside this one, without .json)");
            return null;
        }
        var parent = Path.Combine(Path.GetDirectoryName(path)!, preset + ".json");
        if (visited.Contains(parent))
        {
            var cycle = visited.Skip(visited.IndexOf(parent)).Append(parent).Select(Path.GetFileName);
            errors.Add($"{file}: extends: cycle {string.Join(" -> ", cycle)}");
            return null;
        }
        if (!File.Exists(parent))
        {
            errors.Add($"{file}: extends: no preset '{preset}' ({preset}.json) in the same folder");
            return null;
        }
        return parent;
    }

    /// <summary>Presets first, each file over the one it extends; only the file itself names and describes itself.</summary>
    private static Dictionary<string, JsonElement> Merge(List<Dictionary<string, JsonElement>> layers)
    {
        var merged = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        for (var i = layers.Count - 1; i >= 0; i--)
        {
            foreach (var (key, value) in layers[i])
            {
                if (i == 0 || SiteKeys.ByName[key].Inherited)
                {
                    merged[key] = value;
                }
            }
        }
        return merged;
    }
}
