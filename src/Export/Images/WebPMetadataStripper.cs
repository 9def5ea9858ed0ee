using System.Buffers.Binary;

namespace Crawler.Export.Images;

/// <summary>
/// Drops a WebP's EXIF, XMP and unknown chunks and clears their flags in the VP8X header, copying the
/// image chunks (VP8, VP8L, alpha, animation frames, ICC profile) byte for byte.
/// </summary>
public static class WebPMetadataStripper
{
    private const byte ExifFlag = 0x08, XmpFlag = 0x04;
    private static readonly HashSet<string> Kept = new(StringComparer.Ordinal) { "VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP" };

    public static byte[] Strip(ReadOnlySpan<byte> webp)
    {
        if (webp.Length < 12 || !webp.StartsWith("RIFF"u8) || !webp[8..12].SequenceEqual("WEBP"u8))
        {
            throw new ImageMetadataException("not a WebP: no RIFF/WEBP header");
        }
        var riffEnd = (int)Math.Min(webp.Length, 8L + BinaryPrimitives.ReadUInt32LittleEndian(webp[4..]));
        var output = new MemoryStream(webp.Length);
        output.Write(webp[..12]);
        for (var at = 12; at < riffEnd;)
        {
            if (at + 8 > riffEnd)
            {
                throw new ImageMetadataException($"truncated chunk header at byte {at}");
            }
            var size = BinaryPrimitives.ReadUInt32LittleEndian(webp[(at + 4)..]);
            var padded = size + (size & 1);
            if (at + 8 + (long)padded > riffEnd)
            {
                throw new ImageMetadataException($"chunk at byte {at} claims {size} bytes");
            }
            var fourCc = System.Text.Encoding.ASCII.GetString(webp.Slice(at, 4));
            var end = at + 8 + (int)padded;
            if (Kept.Contains(fourCc))
            {
                var start = (int)output.Position;
                output.Write(webp[at..end]);
                if (fourCc == "VP8X")
                {
                    // The flags byte opens the chunk's payload; it must not announce chunks that are gone.
                    output.GetBuffer()[start + 8] &= unchecked((byte)~(ExifFlag | XmpFlag));
                }
            }
            at = end;
        }
        var bytes = output.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));
        return bytes;
    }
}
