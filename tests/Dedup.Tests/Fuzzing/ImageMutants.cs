using System.Buffers.Binary;
using System.Text;
using Crawler.TestSupport;
using Crawler.TestSupport.Fuzzing;

namespace Crawler.Dedup.Tests.Fuzzing;

/// <summary>
/// Seeded damage of the kind images arrive with: headers that lie about their size, magic bytes of another
/// format (or an HTML page served as an image), decompression bombs, and the generic cuts, flips and splices.
/// </summary>
internal static class ImageMutants
{
    private static readonly byte[][] Magics =
    [
        [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], [0xFF, 0xD8, 0xFF, 0xE0], "GIF89a"u8.ToArray(),
        "RIFF\0\0\0\0WEBPVP8 "u8.ToArray(), "BM"u8.ToArray(), "II*\0"u8.ToArray(), "\0\0\0\u0018ftypheic"u8.ToArray(), "<!doctype html><html>"u8.ToArray(),
    ];

    public static IEnumerable<Mutant> Of(IReadOnlyList<(string Name, byte[] Bytes)> seeds, int count, int seed)
    {
        var random = new Random(seed);
        var generic = new Mutator(seed, MutationGrammar.Binary);
        var donors = seeds.Select(s => s.Bytes).ToList();
        for (var i = 0; i < count; i++)
        {
            var (name, bytes) = seeds[i % seeds.Count];
            var origin = $"#{i} of seed {seed}, {name}";
            yield return random.Next(4) switch
            {
                0 => HeaderLie(origin, bytes, random),
                1 => WrongMagic(origin, bytes, random),
                2 => Bomb(origin, random),
                _ => generic.Next(origin, bytes, donors),
            };
        }
    }

    /// <summary>The stated width and height replaced, the pixel data left as it was.</summary>
    private static Mutant HeaderLie(string origin, byte[] bytes, Random random)
    {
        var lie = (byte[])bytes.Clone();
        var (width, height) = (Size(random), Size(random));
        if (lie.AsSpan().StartsWith(Magics[0]) && lie.Length >= 24)
        {
            BinaryPrimitives.WriteInt32BigEndian(lie.AsSpan(16), width);
            BinaryPrimitives.WriteInt32BigEndian(lie.AsSpan(20), height);
        }
        else if (lie.AsSpan().StartsWith("GIF8"u8) && lie.Length >= 10)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(lie.AsSpan(6), (ushort)width);
            BinaryPrimitives.WriteUInt16LittleEndian(lie.AsSpan(8), (ushort)height);
        }
        else if (StartOfFrame(lie) is { } sof)
        {
            BinaryPrimitives.WriteUInt16BigEndian(lie.AsSpan(sof + 5), (ushort)height);
            BinaryPrimitives.WriteUInt16BigEndian(lie.AsSpan(sof + 7), (ushort)width);
        }
        else
        {
            return new Mutant($"{origin}: no size header to lie in", lie);
        }
        return new Mutant($"{origin}: header says {width}x{height}", lie);
    }

    private static Mutant WrongMagic(string origin, byte[] bytes, Random random)
    {
        var magic = Magics[random.Next(Magics.Length)];
        var overwrite = random.Next(2) == 0;
        var result = overwrite ? (byte[])bytes.Clone() : [.. magic, .. bytes];
        if (overwrite)
        {
            magic.AsSpan(0, Math.Min(magic.Length, result.Length)).CopyTo(result);
        }
        return new Mutant($"{origin}: magic '{Encoding.Latin1.GetString(magic)}' {(overwrite ? "written over the start" : "put before it")}", result);
    }

    private static Mutant Bomb(string origin, Random random)
    {
        var (width, height) = (1 + random.Next(200_000), 1 + random.Next(200_000));
        return new Mutant($"{origin}: a PNG bomb saying {width}x{height}", HugePng.Create(width, height));
    }

    /// <summary>Anything from a pixel to past the 16-bit and 31-bit limits formats have.</summary>
    private static int Size(Random random) => random.Next(5) switch
    {
        0 => 0,
        1 => 1 + random.Next(64),
        2 => 1 + random.Next(20_000),
        3 => 65_535,
        _ => int.MaxValue - random.Next(2),
    };

    /// <summary>The offset of a JPEG's SOF0-SOF3 marker, whose segment holds its height and width.</summary>
    private static int? StartOfFrame(byte[] jpeg)
    {
        for (var at = 2; at + 9 < jpeg.Length; at++)
        {
            if (jpeg[at] == 0xFF && jpeg[at + 1] is >= 0xC0 and <= 0xC3)
            {
                return at;
            }
        }
        return null;
    }
}
