using System.Text;

namespace Crawler.Parsers.Html;

/// <summary>
/// Measures how deeply a page nests its elements, on the raw bytes and in one pass, before an HTML parser
/// builds a tree from it. A tree builder checks the stack of open elements for each tag, so a page nesting
/// 100,000 elements costs it quadratic time; this scan costs linear time and stops at the limit.
/// </summary>
/// <remarks>
/// The count is what HTML's rules leave open: void elements (<c>br</c>, <c>img</c>) and self-closing tags
/// inside SVG or MathML open nothing, script and style bodies and comments hold no tags, and an end tag
/// closes every element opened since its start tag. Elements whose end tag HTML lets a page leave out
/// (<c>p</c>, <c>li</c>, <c>td</c>, ...) are not counted: a sibling start closes them, so they never pile up.
/// Any page a browser would nest deeply is therefore counted at least as deep as the elements it nests.
/// </remarks>
internal static class HtmlNesting
{
    private static readonly System.Buffers.SearchValues<byte> NameEnd = System.Buffers.SearchValues.Create(" \t\n\r\f/>"u8);

    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
    };

    private static readonly HashSet<string> OptionalEnd = new(StringComparer.Ordinal)
    {
        "body", "caption", "colgroup", "dd", "dt", "head", "html", "li", "optgroup", "option", "p", "rb", "rp", "rt", "rtc", "tbody", "td", "tfoot", "th", "thead", "tr",
    };

    // An end tag of one of these, met while elements opened inside it are still open, does not close those:
    // the tree builder moves them under a copy of it (the adoption agency), so they stay counted.
    private static readonly HashSet<string> Formatting = new(StringComparer.Ordinal)
    {
        "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
    };

    // Their bodies are text up to their own end tag; noscript is not among them, since scripting is off.
    private static readonly HashSet<string> RawText = new(StringComparer.Ordinal)
    {
        "iframe", "noembed", "noframes", "script", "style", "textarea", "title", "xmp",
    };

    /// <returns>The byte at which the nesting first exceeds <paramref name="limit"/>; null when it never does.</returns>
    public static int? FirstBeyond(ReadOnlySpan<byte> page, int limit)
    {
        if (page.StartsWith([(byte)0xFF, (byte)0xFE]) || page.StartsWith([(byte)0xFE, (byte)0xFF]))
        {
            // UTF-16 hides every tag from a byte scan; its markup is scanned re-encoded (positions then count UTF-8 bytes).
            var text = (page[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(page[2..]);
            return FirstBeyond(Encoding.UTF8.GetBytes(text), limit);
        }
        var open = new Stack<string>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var at = 0;
        while (at < page.Length && page[at..].IndexOf((byte)'<') is var next and >= 0)
        {
            at += next;
            var rest = page[at..];
            if (rest.Length > 1 && IsLetter(rest[1]))
            {
                var name = Name(rest[1..]);
                var end = TagEnd(rest);
                var selfClosing = end > 1 && rest[end - 1] == '/';
                var foreign = counts.GetValueOrDefault("svg") + counts.GetValueOrDefault("math") > 0 || name is "svg" or "math";
                at += end + 1;
                if (RawText.Contains(name))
                {
                    at += SkipRawText(page[at..], name);
                }
                else if (name == "plaintext")
                {
                    return null; // the rest of the page is text
                }
                else if (!Void.Contains(name) && !OptionalEnd.Contains(name) && !(selfClosing && foreign))
                {
                    open.Push(name);
                    counts[name] = counts.GetValueOrDefault(name) + 1;
                    if (open.Count > limit)
                    {
                        return at - end - 1;
                    }
                }
            }
            else if (rest.Length > 2 && rest[1] == '/' && IsLetter(rest[2]))
            {
                Close(Name(rest[2..]), open, counts);
                at += TagEnd(rest) + 1;
            }
            else if (rest.StartsWith("<!--"u8))
            {
                var close = rest[4..].IndexOf("-->"u8);
                at = close < 0 ? page.Length : at + 4 + close + 3;
            }
            else if (rest.Length > 1 && rest[1] is (byte)'!' or (byte)'?')
            {
                at += TagEnd(rest) + 1;
            }
            else
            {
                at++; // a lone '<' in text
            }
        }
        return null;
    }

    /// <summary>An end tag closes its element and everything opened inside it; one with no open element is ignored.</summary>
    private static void Close(string name, Stack<string> open, Dictionary<string, int> counts)
    {
        if (counts.GetValueOrDefault(name) == 0 || (Formatting.Contains(name) && open.Peek() != name))
        {
            return;
        }
        string popped;
        do
        {
            popped = open.Pop();
            counts[popped]--;
        }
        while (popped != name);
    }

    /// <summary>The tag name, lower-cased, from its first letter to a space, '/' or '>'.</summary>
    private static string Name(ReadOnlySpan<byte> from)
    {
        var length = from.IndexOfAny(NameEnd);
        var name = from[..(length < 0 ? from.Length : length)];
        return Encoding.ASCII.GetString(name[..Math.Min(name.Length, 64)]).ToLowerInvariant();
    }

    /// <summary>The index of the '>' that ends the tag starting at <paramref name="tag"/>, skipping quoted attribute values.</summary>
    private static int TagEnd(ReadOnlySpan<byte> tag)
    {
        byte quote = 0;
        byte previous = 0; // the last byte outside quotes that is not white space
        for (var i = 1; i < tag.Length; i++)
        {
            var b = tag[i];
            if (quote != 0)
            {
                quote = b == quote ? (byte)0 : quote;
            }
            else if (b is (byte)'"' or (byte)'\'' && previous == '=')
            {
                quote = b;
            }
            else if (b == '>')
            {
                return i;
            }
            else if (b is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f'))
            {
                previous = b;
            }
        }
        return tag.Length - 1;
    }

    /// <summary>Bytes of a script or style body, up to (not including) its end tag.</summary>
    private static int SkipRawText(ReadOnlySpan<byte> body, string name)
    {
        var endTag = Encoding.ASCII.GetBytes("</" + name);
        for (var at = 0; at < body.Length && body[at..].IndexOf("</"u8) is var next and >= 0; at += next + 2)
        {
            if (body.Length >= at + next + endTag.Length && Ascii.EqualsIgnoreCase(body.Slice(at + next, endTag.Length), endTag))
            {
                return at + next;
            }
        }
        return body.Length;
    }

    private static bool IsLetter(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';
}
