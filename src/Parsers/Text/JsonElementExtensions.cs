using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Crawler.Parsers.Text;

/// <summary>Lenient getters: sites omit fields, send null, or change a number into a string over the years.</summary>
internal static class JsonElementExtensions
{
    public static JsonElement? Prop(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? value
            : null;

    /// <summary>A string field, HTML entities decoded (Reddit encodes them unless asked for raw_json).</summary>
    public static string? Str(this JsonElement element, string name) =>
        element.Prop(name) is { } value
            ? value.ValueKind == JsonValueKind.String
                ? WebUtility.HtmlDecode(value.GetString())
                : value.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
                    ? value.GetRawText()
                    : null
            : null;

    public static long Long(this JsonElement element, string name) =>
        element.Prop(name) is { } value
            ? value.ValueKind switch
            {
                JsonValueKind.Number when value.TryGetInt64(out var l) => l,
                JsonValueKind.Number => (long)value.GetDouble(),
                JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => (long)d,
                _ => 0,
            }
            : 0;

    public static int Int(this JsonElement element, string name) =>
        (int)Math.Clamp(element.Long(name), int.MinValue, int.MaxValue);

    public static bool Bool(this JsonElement element, string name) =>
        element.Prop(name) is { ValueKind: JsonValueKind.True };

    public static IEnumerable<JsonElement> Items(this JsonElement element, string name) =>
        element.Prop(name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    /// <summary>Strips Reddit's type prefix: <c>t3_abc</c> becomes <c>abc</c>.</summary>
    public static string? WithoutTypePrefix(string? fullname) =>
        fullname is { Length: > 3 } && fullname[0] == 't' && fullname[2] == '_' ? fullname[3..] : fullname;
}
