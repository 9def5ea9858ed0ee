using System.Buffers.Binary;
using System.Text;
using NetVips;

namespace Crawler.TestSupport;

/// <summary>
/// Real images (encoded by libvips) with metadata planted the way cameras and phones write it: an EXIF
/// block with an orientation and a GPS position, XMP with a creator's name, IPTC, a comment.
/// </summary>
public static class PlantedMetadata
{
    public const string Name = "Jane Q. Private";
    public const string Serial = "SN-0048151623";

    /// <summary>A grey picture with a white square in its top-left corner (in stored pixel order).</summary>
    public static Image Picture(int width = 320, int height = 240)
    {
        using var grey = Image.Black(width, height, bands: 3) + 90;
        using var square = Image.Black(40, 40, bands: 3) + 255;
        using var cast = grey.Cast(Enums.BandFormat.Uchar);
        return cast.Insert(square.Cast(Enums.BandFormat.Uchar), 0, 0);
    }

    public static byte[] Jpeg(int orientation = 1, int width = 320, int height = 240)
    {
        using var picture = Picture(width, height);
        var plain = picture.JpegsaveBuffer(q: 90, keep: Enums.ForeignKeep.None);
        var output = new MemoryStream();
        output.Write(plain.AsSpan(0, 2));
        Segment(output, 0xE1, [.. "Exif\0\0"u8, .. Tiff(orientation)]);
        Segment(output, 0xE1, [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. Encoding.UTF8.GetBytes($"<x:xmpmeta><dc:creator>{Name}</dc:creator></x:xmpmeta>")]);
        Segment(output, 0xED, [.. "Photoshop 3.0\0"u8, .. "8BIM"u8, 0x04, 0x04, 0, 0, 0, 0, 0, 17, 0x1C, 0x02, 0x50, 0, 12, .. Encoding.ASCII.GetBytes(Name[..12]), 0]);
        Segment(output, 0xFE, Encoding.ASCII.GetBytes($"camera serial {Serial}"));
        output.Write(plain.AsSpan(2));
        return output.ToArray();
    }

    public static byte[] Png()
    {
        using var picture = Picture();
        var plain = picture.PngsaveBuffer(keep: Enums.ForeignKeep.None);
        const int afterHeader = 8 + 25; // signature, then IHDR (4 length + 4 type + 13 data + 4 CRC)
        var output = new MemoryStream();
        output.Write(plain.AsSpan(0, afterHeader));
        Chunk(output, "tEXt", [.. "Author\0"u8, .. Encoding.ASCII.GetBytes(Name)]);
        Chunk(output, "eXIf", Tiff(orientation: 1));
        Chunk(output, "tIME", [0x07, 0xE9, 1, 2, 3, 4, 5]);
        output.Write(plain.AsSpan(afterHeader));
        return output.ToArray();
    }

    public static byte[] WebP()
    {
        using var picture = Picture();
        var plain = picture.WebpsaveBuffer(q: 90, keep: Enums.ForeignKeep.None);
        var imageChunks = plain.AsSpan(12);
        var body = new MemoryStream();
        body.Write("WEBP"u8);
        var vp8x = new byte[10];
        vp8x[0] = 0x08 | 0x04; // EXIF and XMP present
        WriteUInt24(vp8x.AsSpan(4), picture.Width - 1);
        WriteUInt24(vp8x.AsSpan(7), picture.Height - 1);
        RiffChunk(body, "VP8X", vp8x);
        body.Write(imageChunks);
        RiffChunk(body, "EXIF", Tiff(orientation: 1));
        RiffChunk(body, "XMP ", Encoding.UTF8.GetBytes($"<x:xmpmeta><dc:creator>{Name}</dc:creator></x:xmpmeta>"));
        var output = new MemoryStream();
        output.Write("RIFF"u8);
        output.Write(BitConverter.GetBytes((uint)body.Length));
        body.WriteTo(output);
        return output.ToArray();
    }

    /// <summary>True when the bytes still hold any trace of what was planted.</summary>
    public static bool LeaksAnything(byte[] bytes)
    {
        var text = Encoding.Latin1.GetString(bytes);
        return text.Contains("Exif\0\0", StringComparison.Ordinal) || text.Contains(Name[..12], StringComparison.Ordinal)
            || text.Contains(Serial, StringComparison.Ordinal) || text.Contains("8BIM", StringComparison.Ordinal)
            || text.Contains("II*\0", StringComparison.Ordinal);
    }

    /// <summary>Metadata fields a real decoder finds (EXIF tags, XMP, IPTC, comments).</summary>
    public static IReadOnlyList<string> DecodedMetadata(byte[] bytes)
    {
        using var image = Image.NewFromBuffer(bytes);
        string[] prefixes = ["exif-", "xmp-data", "iptc-data", "jpeg-comment", "png-comment"];
        return image.GetFields().Where(f => prefixes.Any(p => f.StartsWith(p, StringComparison.Ordinal))).ToList();
    }

    /// <summary>A little-endian TIFF block: IFD0 with Orientation and a GPS IFD with a latitude and longitude.</summary>
    private static byte[] Tiff(int orientation)
    {
        var t = new byte[140];
        "II*\0"u8.CopyTo(t);
        BinaryPrimitives.WriteUInt32LittleEndian(t.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(t.AsSpan(8), 2);
        Entry(t, 10, 0x0112, 3, 1, (uint)orientation);
        Entry(t, 22, 0x8825, 4, 1, 38);
        BinaryPrimitives.WriteUInt16LittleEndian(t.AsSpan(38), 4);
        Entry(t, 40, 0x0001, 2, 2, 'N');
        Entry(t, 52, 0x0002, 5, 3, 92);
        Entry(t, 64, 0x0003, 2, 2, 'E');
        Entry(t, 76, 0x0004, 5, 3, 116);
        uint[] rationals = [52, 1, 22, 1, 1234, 100, 4, 1, 53, 1, 5678, 100];
        for (var i = 0; i < rationals.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(t.AsSpan(92 + (i * 4)), rationals[i]);
        }
        return t;
    }

    private static void Entry(byte[] t, int at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(t.AsSpan(at), tag);
        BinaryPrimitives.WriteUInt16LittleEndian(t.AsSpan(at + 2), type);
        BinaryPrimitives.WriteUInt32LittleEndian(t.AsSpan(at + 4), count);
        BinaryPrimitives.WriteUInt32LittleEndian(t.AsSpan(at + 8), value);
    }

    private static void Segment(Stream output, byte marker, byte[] payload)
    {
        output.Write([0xFF, marker, (byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2)]);
        output.Write(payload);
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        var header = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)data.Length);
        output.Write(header);
        output.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        output.Write(crc);
    }

    private static void RiffChunk(Stream output, string fourCc, byte[] data)
    {
        output.Write(Encoding.ASCII.GetBytes(fourCc));
        output.Write(BitConverter.GetBytes((uint)data.Length));
        output.Write(data);
        if (data.Length % 2 == 1)
        {
            output.WriteByte(0);
        }
    }

    private static void WriteUInt24(Span<byte> at, int value)
    {
        at[0] = (byte)value;
        at[1] = (byte)(value >> 8);
        at[2] = (byte)(value >> 16);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
