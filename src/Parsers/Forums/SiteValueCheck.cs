using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Css.Parser;

namespace Crawler.Parsers.Forums;

/// <summary>Checks one value of a site file against what its key holds; says the problem, or null when it is fine.</summary>
internal static partial class SiteValueCheck
{
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(200);

    private static readonly CssSelectorParser Selectors = new();

    [GeneratedRegex(@"\{([^{}]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^[A-Za-z_:][-A-Za-z0-9_:.]*$", RegexOptions.CultureInvariant)]
    private static partial Regex AttributeName();

    public static string? Problem(SiteKey key, JsonElement value)
    {
        if (key.Kind == SiteKeyKind.TextList)
        {
            return value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String)
                ? null
                : $"must be an array of strings, not {Describe(value)}";
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            return $"must be a string, not {Describe(value)}";
        }
        var text = value.GetString()!;
        if (text.Length == 0)
        {
            return "is empty";
        }
        return key.Kind switch
        {
            SiteKeyKind.Selector => Selectors.ParseSelector(text) is null ? $"selector '{text}' does not parse" : null,
            SiteKeyKind.Attribute => AttributeName().IsMatch(text) ? null : $"'{text}' is not an attribute name",
            SiteKeyKind.Pattern => PatternProblem(text, key.Placeholders![0]),
            SiteKeyKind.Template => TemplateProblem(key, text),
            SiteKeyKind.AbsoluteUrl => Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && text.EndsWith('/')
                ? null
                : $"'{text}' is not an absolute http(s) URL ending in '/'",
            _ => null,
        };
    }

    private static string? PatternProblem(string text, string group)
    {
        try
        {
            var regex = new Regex(text, RegexOptions.CultureInvariant, PatternTimeout);
            return regex.GetGroupNames().Contains(group) ? null : $"pattern '{text}' has no named group '{group}' (write (?<{group}>...))";
        }
        catch (ArgumentException e)
        {
            return $"pattern '{text}' does not parse: {e.Message.Split('\n')[0]}";
        }
    }

    private static string? TemplateProblem(SiteKey key, string text)
    {
        var used = Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToList();
        if (used.FirstOrDefault(p => !key.Placeholders!.Contains(p)) is { } unknown)
        {
            return $"bad URL template '{text}': unknown placeholder {{{unknown}}} (allowed: {string.Join(", ", key.Placeholders!.Select(p => "{" + p + "}"))})";
        }
        if (key.Placeholders!.FirstOrDefault(p => !used.Contains(p)) is { } missing)
        {
            return $"bad URL template '{text}': lacks {{{missing}}}";
        }
        // A reply's URL is built on its thread's; the paths are relative to the source's base URL, which may
        // itself have a path (/forum/), so a leading '/' or a scheme would throw that away.
        if (key.Name == "replyUrl" ? !text.StartsWith("{thread}", StringComparison.Ordinal) : text.StartsWith('/') || text.Contains("://", StringComparison.Ordinal))
        {
            return key.Name == "replyUrl"
                ? $"bad URL template '{text}': must start with {{thread}}"
                : $"bad URL template '{text}': must be relative to the base URL (no leading '/', no scheme)";
        }
        return null;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "a string",
    };
}
