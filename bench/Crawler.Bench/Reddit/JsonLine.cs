using System.Globalization;
using System.Text;

namespace Crawler.Bench.Reddit;

/// <summary>
/// Writes one JSON object the way Pushshift's files hold them: keys in the order given (the dumps sort them),
/// no spaces, and text outside ASCII escaped as <c>\uXXXX</c> (as Python's json module does by default).
/// </summary>
internal sealed class JsonLine
{
    private readonly StringBuilder _text = new(4096);
    private bool _first = true;

    public JsonLine Begin()
    {
        _text.Clear();
        _text.Append('{');
        _first = true;
        return this;
    }

    public JsonLine Str(string key, string? value) => value is null ? Raw(key, "null") : Key(key).Quoted(value);

    public JsonLine Num(string key, long value) => Raw(key, value.ToString(CultureInfo.InvariantCulture));

    public JsonLine Bool(string key, bool value) => Raw(key, value ? "true" : "false");

    public JsonLine Null(string key) => Raw(key, "null");

    /// <summary>A value already in JSON: an object or array built by the caller.</summary>
    public JsonLine Raw(string key, string json)
    {
        Key(key);
        _text.Append(json);
        return this;
    }

    public string End() => _text.Append('}').ToString();

    /// <summary>A JSON string literal, escaped as in the dumps.</summary>
    public static string Quote(string value) => new JsonLine().Quoted(value)._text.ToString();

    private JsonLine Key(string key)
    {
        if (!_first)
        {
            _text.Append(',');
        }
        _first = false;
        _text.Append('"').Append(key).Append("\":");
        return this;
    }

    private JsonLine Quoted(string value)
    {
        _text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': _text.Append("\\\""); break;
                case '\\': _text.Append("\\\\"); break;
                case '\n': _text.Append("\\n"); break;
                case < ' ' or > '~': _text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"); break;
                default: _text.Append(c); break;
            }
        }
        _text.Append('"');
        return this;
    }
}
