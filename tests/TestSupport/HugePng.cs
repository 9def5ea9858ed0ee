using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Crawler.TestSupport;

/// <summary>
/// A valid PNG header claiming enormous dimensions (a decompression bomb's shape) in a few hundred bytes:
/// IHDR with the given size, an IDAT holding only the first row, IEND. No pixel buffer is ever allocated.
/// </summary>
public static class HugePng
{
    public static byte[] Create(int width, int height)
    {
        using var file = new MemoryStream();
        file.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bits per sample
        header[9] = 2; // RGB
        Chunk(file, "IHDR", header);
        Chunk(file, "IDAT", FirstRow(width));
        Chunk(file, "IEND", []);
        return file.ToArray();
    }

    /// <summary>One filter byte and a row of black pixels, deflated: zeros shrink to almost nothing.</summary>
    private static byte[] FirstRow(int width)
    {
        using var packed = new MemoryStream();
        using (var zlib = new ZLibStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(new byte[1 + (width * 3)]);
        }
        return packed.ToArray();
    }

    private static void Chunk(Stream file, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        file.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        file.Write(typed);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        file.Write(crc);
    }

    /// <summary>The CRC-32 PNG chunks carry (ISO 3309, reflected polynomial 0xEDB88320).</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
