namespace Crawler.Dedup.Imaging;

/// <summary>Identifies an image container by its magic bytes; servers often send HTML or lie about the type.</summary>
public static class ImageFormatSniffer
{
    // Spelled as bytes: a u8 string literal would encode 0x89 as two UTF-8 bytes.
    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static ImageFormat Sniff(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        {
            return ImageFormat.Jpeg;
        }
        if (b.StartsWith(PngSignature))
        {
            return ImageFormat.Png;
        }
        if (b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8))
        {
            return ImageFormat.Gif;
        }
        if (b.Length >= 12 && b.StartsWith("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8))
        {
            return ImageFormat.WebP;
        }
        if (b.StartsWith("BM"u8) && b.Length >= 26)
        {
            return ImageFormat.Bmp;
        }
        if (b.StartsWith("II*\0"u8) || b.StartsWith("MM\0*"u8))
        {
            return ImageFormat.Tiff;
        }
        // ISO-BMFF: an 'ftyp' box whose major or compatible brands name the image flavour.
        if (b.Length >= 12 && b[4..8].SequenceEqual("ftyp"u8))
        {
            return BmffImage(b);
        }
        return ImageFormat.Unknown;
    }

    private static ImageFormat BmffImage(ReadOnlySpan<byte> b)
    {
        var boxSize = (int)Math.Min(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(b), (uint)b.Length);
        // The major brand (bytes 8..12), then the compatible brands after the minor version (from byte 16).
        var brands = new List<string> { System.Text.Encoding.ASCII.GetString(b[8..12]) };
        for (var at = 16; at + 4 <= boxSize; at += 4)
        {
            brands.Add(System.Text.Encoding.ASCII.GetString(b[at..(at + 4)]));
        }
        // 'mif1' is any HEIF image; the AV1 brands say it is AVIF, so they are looked for first.
        if (brands.Any(x => x is "avif" or "avis"))
        {
            return ImageFormat.Avif;
        }
        return brands.Any(x => x is "heic" or "heix" or "heim" or "heis" or "hevc" or "hevx" or "mif1" or "msf1")
            ? ImageFormat.Heif
            : ImageFormat.Unknown;
    }
}
