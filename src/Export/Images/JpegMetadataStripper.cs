using System.Buffers.Binary;

namespace Crawler.Export.Images;

/// <summary>
/// Drops a JPEG's metadata segments (EXIF, XMP, IPTC/Photoshop, comments, MPF and any other APPn) and
/// whatever trails the end-of-image marker, copying every other byte as it is: the compressed pixels are
/// never decoded, so nothing is lost to a re-encode. Kept: JFIF (APP0), the ICC colour profile (APP2) and
/// Adobe's colour-transform flag (APP14), which change how the pixels look.
/// </summary>
public static class JpegMetadataStripper
{
    private const byte Soi = 0xD8, Eoi = 0xD9, Sos = 0xDA, Com = 0xFE, App0 = 0xE0, App2 = 0xE2, App14 = 0xEE, App15 = 0xEF;

    public static byte[] Strip(ReadOnlySpan<byte> jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != Soi)
        {
            throw new ImageMetadataException("not a JPEG: no start-of-image marker");
        }
        var output = new MemoryStream(jpeg.Length);
        output.Write(jpeg[..2]);
        var at = 2;
        while (true)
        {
            var (marker, markerAt) = NextMarker(jpeg, ref at);
            if (marker == Eoi)
            {
                output.Write(jpeg.Slice(markerAt, 2));
                return output.ToArray();
            }
            var length = SegmentLength(jpeg, at, marker);
            var segmentEnd = at + length;
            if (marker == Sos)
            {
                // The entropy-coded scan runs until the next marker that is not a restart or stuffed byte.
                segmentEnd = ScanEnd(jpeg, segmentEnd);
            }
            if (Keep(marker, jpeg.Slice(at + 2, length - 2)))
            {
                output.Write(jpeg[markerAt..segmentEnd]);
            }
            at = segmentEnd;
        }
    }

    private static bool Keep(byte marker, ReadOnlySpan<byte> payload) => marker switch
    {
        Com => false,
        App0 => payload.StartsWith("JFIF\0"u8),
        App2 => payload.StartsWith("ICC_PROFILE\0"u8),
        App14 => payload.StartsWith("Adobe"u8),
        >= App0 and <= App15 => false,
        _ => true,
    };

    private static (byte Marker, int At) NextMarker(ReadOnlySpan<byte> jpeg, ref int at)
    {
        if (at >= jpeg.Length || jpeg[at] != 0xFF)
        {
            throw new ImageMetadataException($"expected a marker at byte {at}");
        }
        // Any number of 0xFF fill bytes may precede a marker.
        while (at < jpeg.Length && jpeg[at] == 0xFF)
        {
            at++;
        }
        if (at >= jpeg.Length)
        {
            throw new ImageMetadataException("truncated before the end-of-image marker");
        }
        var marker = jpeg[at];
        at++;
        return (marker, at - 2);
    }

    private static int SegmentLength(ReadOnlySpan<byte> jpeg, int at, byte marker)
    {
        if (at + 2 > jpeg.Length)
        {
            throw new ImageMetadataException($"truncated segment 0xFF{marker:X2} at byte {at}");
        }
        int length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[at..]);
        if (length < 2 || at + length > jpeg.Length)
        {
            throw new ImageMetadataException($"segment 0xFF{marker:X2} at byte {at} claims {length} bytes");
        }
        return length;
    }

    private static int ScanEnd(ReadOnlySpan<byte> jpeg, int at)
    {
        for (var i = at; i + 1 < jpeg.Length; i++)
        {
            if (jpeg[i] == 0xFF && jpeg[i + 1] != 0x00 && jpeg[i + 1] != 0xFF && jpeg[i + 1] is < 0xD0 or > 0xD7)
            {
                return i;
            }
        }
        throw new ImageMetadataException("truncated inside the compressed image data");
    }
}
