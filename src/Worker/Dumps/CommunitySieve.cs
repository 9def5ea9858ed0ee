using System.Text;
using System.Text.Json;

namespace Crawler.Worker.Dumps;

/// <summary>
/// Tells from a line's bytes, before any JSON parsing, that it belongs to none of the wanted communities, so that
/// the many lines of other communities in a dump of all Reddit are skipped at the speed of a byte search. It only
/// ever says "not wanted" for a line whose every <c>"subreddit":"NAME"</c> names another community; a line with a
/// <c>\u</c> escape (which could spell a key or a name) has its top-level members read as JSON instead, without
/// building a document. Every other line is parsed in full, as before.
/// </summary>
internal sealed class CommunitySieve
{
    private static readonly byte[] Key = "\"subreddit\""u8.ToArray();
    private static readonly byte[] Whitespace = " \t\r\n"u8.ToArray();

    private readonly string[] _communities;
    private readonly byte[][] _names;
    private readonly bool _usable;

    public CommunitySieve(IEnumerable<string> communities)
    {
        _communities = communities.ToArray();
        _names = _communities.Select(Encoding.UTF8.GetBytes).ToArray();
        // Ignoring case is done on ASCII bytes here; a name beyond ASCII (Reddit has none) is left to the parser.
        _usable = _names.All(name => System.Text.Ascii.IsValid(name));
    }

    /// <returns>False only when the line cannot be a thing of a wanted community.</returns>
    public bool MayBeWanted(ReadOnlySpan<byte> line)
    {
        if (!_usable)
        {
            return true;
        }
        if (line.IndexOf("\\u"u8) >= 0)
        {
            return TopLevelMayBeWanted(line);
        }
        var named = false;
        var rest = line;
        for (var at = rest.IndexOf(Key); at >= 0; at = rest.IndexOf(Key))
        {
            rest = rest[(at + Key.Length)..];
            var value = rest.TrimStart(Whitespace);
            if (value.IsEmpty || value[0] != (byte)':')
            {
                continue;
            }
            value = value[1..].TrimStart(Whitespace);
            if (value.IsEmpty || value[0] != (byte)'"')
            {
                continue;
            }
            named = true;
            value = value[1..];
            foreach (var name in _names)
            {
                if (value.Length > name.Length && value[name.Length] == (byte)'"' && System.Text.Ascii.EqualsIgnoreCase(value[..name.Length], name))
                {
                    return true;
                }
            }
        }
        // A line naming no subreddit at all is the parser's to judge: malformed, or of no community.
        return !named;
    }

    /// <summary>Reads the object's own members (nested ones skipped whole); any doubt (not an object, cut off, not text) is the parser's.</summary>
    private bool TopLevelMayBeWanted(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return true;
            }
            var named = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isSubreddit = reader.ValueTextEquals("subreddit"u8);
                if (!reader.Read())
                {
                    return true;
                }
                if (isSubreddit && reader.TokenType == JsonTokenType.String)
                {
                    named = true;
                    var name = reader.GetString();
                    if (_communities.Any(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase)))
                    {
                        return true;
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
            return !named || reader.TokenType != JsonTokenType.EndObject;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return true;
        }
    }
}
