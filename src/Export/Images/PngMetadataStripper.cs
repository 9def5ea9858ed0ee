using System.Buffers.Binary;
using System.Text;

namespace Crawler.Export.Images;

/// <summary>
/// Drops a PNG's text, EXIF, time and unknown ancillary chunks (and anything after IEND), copying the image
/// data chunks byte for byte. Ancillary chunks that change how pixels look (transparency, colour space,
/// gamma) and APNG animation chunks are kept.
/// </summary>
public static class PngMetadataStripper
{
    private static readonly HashSet<string> KeptAncillary = new(StringComparer.Ordinal)
    {
        "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "pHYs", "bKGD", "cICP", "mDCV", "cLLI", "acTL", "fcTL", "fdAT",
    };

    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] Strip(ReadOnlySpan<byte> png)
    {
        if (!png.StartsWith(Signature))
        {
            throw new ImageMetadataException("not a PNG: no signature");
        }
        var output = new MemoryStream(png.Length);
        output.Write(Signature);
        var at = Signature.Length;
        while (true)
        {
            if (at + 12 > png.Length)
            {
                throw new ImageMetadataException($"truncated chunk header at byte {at}");
            }
            var length = BinaryPrimitives.ReadUInt32BigEndian(png[at..]);
            if (length > int.MaxValue || at + 12 + (long)length > png.Length)
            {
                throw new ImageMetadataException($"chunk at byte {at} claims {length} bytes");
            }
            var type = Encoding.ASCII.GetString(png.Slice(at + 4, 4));
            var end = at + 12 + (int)length;
            if (Keep(type))
            {
                output.Write(png[at..end]);
            }
            if (type == "IEND")
            {
                return output.ToArray();
            }
            at = end;
        }
    }

    /// <summary>A chunk is critical when its first letter is upper case; a decoder cannot do without those.</summary>
    private static bool Keep(string type) => char.IsAsciiLetterUpper(type[0]) || KeptAncillary.Contains(type);
}
