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
        // ISO-BMFF: a box of type 'ftyp' whose brand names the image flavour.
        if (b.Length >= 12 && b[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = b[8..12];
            if (brand.SequenceEqual("avif"u8) || brand.SequenceEqual("avis"u8))
            {
                return ImageFormat.Avif;
            }
            if (brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("mif1"u8) || brand.SequenceEqual("msf1"u8))
            {
                return ImageFormat.Heif;
            }
        }
        return ImageFormat.Unknown;
    }
}
