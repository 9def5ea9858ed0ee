using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Crawler.Core.Text;

/// <summary>
/// Parses JSON from outside (pages, dump lines, API answers) so that every string in it is valid text.
/// System.Text.Json checks strings only when one is read as a .NET string or compared by name, so a byte that
/// is not UTF-8, or a lone surrogate escape (<c>"\ud83d"</c>), would otherwise throw far from the parse, as an
/// <see cref="InvalidOperationException"/> that says nothing about the document. Real dumps hold such lines.
/// </summary>
public static class JsonText
{
    /// <exception cref="JsonException">Not JSON, or not valid text; the message says where.</exception>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8, JsonDocumentOptions options = default)
    {
        if (Problem(utf8.Span) is { } problem)
        {
            // Positioned as the parser positions its own errors: zero-based line, byte within that line.
            var before = utf8.Span[..problem.Byte];
            var lineStart = before.LastIndexOf((byte)'\n') + 1;
            throw new JsonException(problem.Reason, path: null, lineNumber: before.Count((byte)'\n'), bytePositionInLine: problem.Byte - lineStart);
        }
        return JsonDocument.Parse(utf8, options);
    }

    /// <exception cref="JsonException">Not JSON, or a string in it is a lone surrogate escape; the message says where.</exception>
    public static JsonDocument Parse(string text, JsonDocumentOptions options = default) =>
        Parse(Encoding.UTF8.GetBytes(text), options);

    /// <summary>Why the bytes cannot be JSON text, and at which byte; null when every byte and escape is valid.</summary>
    private static (string Reason, int Byte)? Problem(ReadOnlySpan<byte> utf8)
    {
        if (!Utf8.IsValid(utf8))
        {
            var at = FirstInvalidUtf8(utf8);
            return (Invariant($"invalid UTF-8 (0x{utf8[at]:X2}): JSON text must be UTF-8"), at);
        }
        return LoneSurrogate(utf8);
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        var at = 0;
        while (Rune.DecodeFromUtf8(utf8[at..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
        {
            at += consumed;
        }
        return at;
    }

    /// <summary>
    /// A <c>\uD800</c>-<c>\uDFFF</c> escape is half of a character: a high one must be followed at once by a
    /// low one. Backslashes outside strings are a syntax error the parser reports itself.
    /// </summary>
    private static (string Reason, int Byte)? LoneSurrogate(ReadOnlySpan<byte> utf8)
    {
        var at = 0;
        while (at < utf8.Length)
        {
            var next = utf8[at..].IndexOf((byte)'\\');
            if (next < 0)
            {
                return null;
            }
            at += next;
            if (Escaped(utf8, at) is not { } unit)
            {
                at += 2; // \n, \", \\ and the like; a malformed escape is the parser's to report
                continue;
            }
            if (char.IsHighSurrogate(unit) && Escaped(utf8, at + 6) is { } low && char.IsLowSurrogate(low))
            {
                at += 12;
                continue;
            }
            if (char.IsSurrogate(unit))
            {
                return (Invariant($"lone surrogate escape \\u{(int)unit:x4}: half of a character, not text"), at);
            }
            at += 6;
        }
        return null;
    }

    /// <summary>The UTF-16 unit of a <c>\uXXXX</c> escape starting at <paramref name="at"/>; null for any other escape.</summary>
    private static char? Escaped(ReadOnlySpan<byte> utf8, int at) =>
        at + 6 <= utf8.Length && utf8[at] == '\\' && utf8[at + 1] == 'u'
            && ushort.TryParse(utf8.Slice(at + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit)
            ? (char)unit
            : null;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
