using System.Text;

namespace Crawler.TestSupport.Fuzzing;

/// <summary>
/// Seeded mutations of real inputs for the fuzz suites: the kinds of damage real files and hostile servers
/// bring (flipped bits, cut-off downloads, spliced files, bytes that are not UTF-8, half characters, nesting
/// and strings far beyond any real page). Every mutation is named with its parameters, and one seed always
/// gives the same sequence, so a failing case can be replayed.
/// </summary>
public sealed class Mutator(int seed, MutationGrammar grammar)
{
    private readonly Random _random = new(seed);

    /// <summary>A mutation of <paramref name="input"/>, drawing spliced material from <paramref name="donors"/>.</summary>
    public Mutant Next(string origin, byte[] input, IReadOnlyList<byte[]> donors)
    {
        var (name, bytes) = _random.Next(11) switch
        {
            0 => FlipBits(input),
            1 => Truncate(input),
            2 => Splice(input, donors[_random.Next(donors.Count)]),
            3 => DeleteRange(input),
            4 => RepeatRange(input),
            5 => Insert(input, "bad UTF-8", BadUtf8[_random.Next(BadUtf8.Length)]),
            6 => Insert(input, "lone surrogate", Encoding.ASCII.GetBytes(LoneSurrogates[_random.Next(LoneSurrogates.Length)])),
            7 => Nest(input),
            8 => HugeString(input),
            9 => Insert(input, "grammar token", Encoding.UTF8.GetBytes(grammar.Tokens[_random.Next(grammar.Tokens.Count)])),
            _ => RandomBytes(input),
        };
        return new Mutant($"{origin}: {name}", bytes);
    }

    /// <summary>Nesting is refused long before this; more would only cost the test time.</summary>
    private const int MaxInserted = 4 << 20;

    private static readonly byte[][] BadUtf8 = [[0xFF], [0xC3, 0x28], [0x80], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xC0, 0xAF]];

    private static readonly string[] LoneSurrogates = ["\\ud83d", "\\udc00", "\\ud83d\\ud83d", "\\uDFFF x", "\\ud83d\\u0041"];

    private (string, byte[]) FlipBits(byte[] input)
    {
        var bytes = (byte[])input.Clone();
        var flips = 1 + _random.Next(16);
        for (var i = 0; i < flips && bytes.Length > 0; i++)
        {
            bytes[_random.Next(bytes.Length)] ^= (byte)(1 << _random.Next(8));
        }
        return ($"{flips} bit flips", bytes);
    }

    private (string, byte[]) RandomBytes(byte[] input)
    {
        var bytes = (byte[])input.Clone();
        var count = 1 + _random.Next(64);
        for (var i = 0; i < count && bytes.Length > 0; i++)
        {
            bytes[_random.Next(bytes.Length)] = (byte)_random.Next(256);
        }
        return ($"{count} random bytes", bytes);
    }

    private (string, byte[]) Truncate(byte[] input)
    {
        var at = _random.Next(input.Length + 1);
        return ($"cut at {at} of {input.Length}", input[..at]);
    }

    private (string, byte[]) Splice(byte[] input, byte[] donor)
    {
        var at = _random.Next(input.Length + 1);
        var from = _random.Next(donor.Length + 1);
        var length = _random.Next(donor.Length - from + 1);
        var resume = _random.Next(at, input.Length + 1);
        return ($"{length} donor bytes from {from} spliced over {at}-{resume}", Replace(input, at, resume - at, donor.AsSpan(from, length)));
    }

    private (string, byte[]) DeleteRange(byte[] input)
    {
        var from = _random.Next(input.Length + 1);
        var to = _random.Next(from, Math.Min(input.Length, from + 4096) + 1);
        return ($"bytes {from}-{to} deleted", Replace(input, from, to - from, []));
    }

    private (string, byte[]) RepeatRange(byte[] input)
    {
        var from = _random.Next(input.Length + 1);
        var length = _random.Next(Math.Min(input.Length - from, 256) + 1);
        var times = 1 + _random.Next(2000);
        return ($"bytes {from}+{length} repeated {times} times", Replace(input, from, 0, Repeat(input.AsSpan(from, length), times)));
    }

    /// <summary>Material inserted where a value often starts: just after a quote, else anywhere.</summary>
    private (string, byte[]) Insert(byte[] input, string what, byte[] material)
    {
        var at = AfterQuote(input);
        return ($"{what} inserted at {at}", Replace(input, at, 0, material));
    }

    private (string, byte[]) Nest(byte[] input)
    {
        var depth = _random.Next(4) switch
        {
            0 => 100 + _random.Next(1000),
            1 => 5_000,
            2 => 50_000,
            _ => 1_000_000,
        };
        var token = Encoding.UTF8.GetBytes(grammar.Openers[_random.Next(grammar.Openers.Count)]);
        depth = Math.Min(depth, MaxInserted / token.Length);
        var at = _random.Next(input.Length + 1);
        return ($"'{Encoding.UTF8.GetString(token)}' nested {depth} deep at {at}", Replace(input, at, 0, Repeat(token, depth)));
    }

    private (string, byte[]) HugeString(byte[] input)
    {
        var length = (1 + _random.Next(4)) << 20;
        var unit = Encoding.UTF8.GetBytes(_random.Next(3) switch { 0 => "a", 1 => "\\u00e9", _ => "é" });
        var at = AfterQuote(input);
        var text = Repeat(unit, length / unit.Length);
        return ($"{text.Length:N0}-byte string of '{Encoding.UTF8.GetString(unit)}' at {at}", Replace(input, at, 0, text));
    }

    /// <summary>Bytes <paramref name="at"/> to <paramref name="at"/> + <paramref name="removed"/> replaced by <paramref name="material"/>.</summary>
    private static byte[] Replace(byte[] input, int at, int removed, ReadOnlySpan<byte> material)
    {
        var result = new byte[input.Length - removed + material.Length];
        input.AsSpan(0, at).CopyTo(result);
        material.CopyTo(result.AsSpan(at));
        input.AsSpan(at + removed).CopyTo(result.AsSpan(at + material.Length));
        return result;
    }

    private static byte[] Repeat(ReadOnlySpan<byte> unit, int times)
    {
        var result = new byte[unit.Length * times];
        if (result.Length == 0)
        {
            return result;
        }
        unit.CopyTo(result);
        // Doubling copies: a megabyte in twenty steps.
        for (var filled = unit.Length; filled < result.Length; filled *= 2)
        {
            result.AsSpan(0, Math.Min(filled, result.Length - filled)).CopyTo(result.AsSpan(filled));
        }
        return result;
    }

    private int AfterQuote(byte[] input)
    {
        var at = _random.Next(input.Length + 1);
        var quote = input.AsSpan(at).IndexOf((byte)'"');
        return quote < 0 ? at : at + quote + 1;
    }
}

/// <summary>What a format nests and what tokens it is made of, for mutations that speak it.</summary>
public sealed record MutationGrammar(IReadOnlyList<string> Openers, IReadOnlyList<string> Tokens)
{
    public static MutationGrammar Json { get; } = new(["[", "{\"a\":", "[{\"kind\":\"t1\",\"data\":{\"replies\":{\"kind\":\"Listing\",\"data\":{\"children\":"],
        ["null", "{}", "[]", "\"\"", "1e999", "-0", "\"t3_\"", "{\"kind\":\"more\",\"data\":{\"children\":[1,null,{}]}}", "\"\\u0000\"", ",", ":", "}", "]"]);

    /// <summary>Image containers: markers and chunk names that decoders key on.</summary>
    public static MutationGrammar Binary { get; } = new(["\0\0\0\rIHDR", "GIF89a"], ["IDAT", "IEND", "JFIF", "Exif\0\0", "\0", "ICC_PROFILE", "VP8X", "ftypheic"]);

    public static MutationGrammar Html { get; } = new(["<div>", "<b><div></b>", "<table><tr><td>", "<svg><g>", "<p><i>"],
        ["<div class=\"thing\" data-type=\"comment\">", "</div>", "<!--", "<script>", "&#xD83D;", "&#0;", "<div class=\"md\">", "</html>", "data-fullname=\"\"", "<a href=\"javascript:x\">", "\"", "'"]);
}

/// <summary>One mutated input and how it was made.</summary>
public sealed record Mutant(string Name, byte[] Bytes);
