using System.Text;

namespace Crawler.Fetching.Robots;

/// <summary>
/// One allow or disallow path pattern (RFC 9309 §2.2.3): a prefix match where <c>*</c> matches any run of
/// characters and a final <c>$</c> anchors the end. Patterns and paths are compared in one normal form:
/// non-ASCII as UTF-8 percent-escapes, escapes in upper case, escaped unreserved characters decoded.
/// </summary>
public sealed record RobotsPattern(string Pattern, bool Allow)
{
    /// <summary>Longer patterns are more specific and win (RFC 9309 §2.2.2).</summary>
    public int Length => Pattern.Length;

    public bool Matches(string normalizedPath)
    {
        if (Pattern.AsSpan().IndexOfAny('*', '$') < 0)
        {
            // Most rules are plain prefixes.
            return normalizedPath.StartsWith(Pattern, StringComparison.Ordinal);
        }
        var length = normalizedPath.Length;
        // The positions in the path that the pattern read so far can end at, ascending.
        Span<int> positions = length < 1024 ? stackalloc int[length + 1] : new int[length + 1];
        positions[0] = 0;
        var count = 1;
        for (var i = 0; i < Pattern.Length; i++)
        {
            var c = Pattern[i];
            if (c == '$' && i == Pattern.Length - 1)
            {
                return positions[count - 1] == length;
            }
            if (c == '*')
            {
                var first = positions[0];
                count = length - first + 1;
                for (var k = 0; k < count; k++)
                {
                    positions[k] = first + k;
                }
                continue;
            }
            var kept = 0;
            for (var k = 0; k < count; k++)
            {
                if (positions[k] < length && normalizedPath[positions[k]] == c)
                {
                    positions[kept++] = positions[k] + 1;
                }
            }
            if (kept == 0)
            {
                return false;
            }
            count = kept;
        }
        return true;
    }

    public static string Normalize(string raw)
    {
        if (raw.AsSpan().IndexOfAnyExceptInRange('!', '~') < 0 && !raw.Contains('%', StringComparison.Ordinal))
        {
            return raw;
        }
        var bytes = Encoding.UTF8.GetBytes(raw);
        var text = new StringBuilder(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b == '%' && i + 2 < bytes.Length && IsHex(bytes[i + 1]) && IsHex(bytes[i + 2]))
            {
                var value = Convert.ToByte(Encoding.ASCII.GetString(bytes, i + 1, 2), 16);
                text.Append(IsUnreserved(value) ? ((char)value).ToString() : $"%{value:X2}");
                i += 2;
            }
            else if (b >= 0x80 || b <= 0x20)
            {
                text.Append($"%{b:X2}");
            }
            else
            {
                text.Append((char)b);
            }
        }
        return text.ToString();
    }

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';

    private static bool IsUnreserved(byte b) => char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~';
}
