using Crawler.TestSupport;
using NetVips;

namespace Crawler.Export.Tests.Images;

public sealed class MetadataStripperTests
{
    [Fact]
    public void JpegStrip_RemovesGpsExifXmpIptcAndComments_WithoutReencoding()
    {
        var planted = PlantedMetadata.Jpeg();
        Assert.Contains(PlantedMetadata.DecodedMetadata(planted), f => f.StartsWith("exif-ifd3-GPSLatitude", StringComparison.Ordinal));
        Assert.Contains("xmp-data", PlantedMetadata.DecodedMetadata(planted));

        var stripped = Export.Images.JpegMetadataStripper.Strip(planted);

        Assert.Empty(PlantedMetadata.DecodedMetadata(stripped));
        Assert.False(PlantedMetadata.LeaksAnything(stripped));
        // Everything from the first quantisation table on (tables, frame header, compressed scan) is the
        // encoder's output byte for byte: nothing was decoded or re-encoded.
        var plain = PlantedMetadata.Picture().JpegsaveBuffer(q: 90, keep: Enums.ForeignKeep.None);
        var tablesAt = IndexOfMarker(plain, 0xDB);
        Assert.Equal(plain[tablesAt..], stripped[IndexOfMarker(stripped, 0xDB)..]);
    }

    [Fact]
    public void PngStrip_RemovesTextExifAndTimeChunks_KeepingImageData()
    {
        var planted = PlantedMetadata.Png();
        Assert.NotEmpty(PlantedMetadata.DecodedMetadata(planted));

        var stripped = Export.Images.PngMetadataStripper.Strip(planted);

        Assert.Empty(PlantedMetadata.DecodedMetadata(stripped));
        Assert.False(PlantedMetadata.LeaksAnything(stripped));
        Assert.Equal(PlantedMetadata.Picture().PngsaveBuffer(keep: Enums.ForeignKeep.None), stripped);
    }

    [Fact]
    public void WebPStrip_RemovesExifAndXmpChunks_AndClearsTheirFlags()
    {
        var planted = PlantedMetadata.WebP();
        Assert.Contains("xmp-data", PlantedMetadata.DecodedMetadata(planted));

        var stripped = Export.Images.WebPMetadataStripper.Strip(planted);

        Assert.Empty(PlantedMetadata.DecodedMetadata(stripped));
        Assert.False(PlantedMetadata.LeaksAnything(stripped));
        Assert.Equal(0, stripped[20] & 0x0C); // VP8X flags: neither EXIF nor XMP announced
        Assert.Equal(stripped.Length - 8, BitConverter.ToInt32(stripped, 4));
        using var image = Image.NewFromBuffer(stripped);
        Assert.Equal((320, 240), (image.Width, image.Height));
    }

    [Fact]
    public void JpegStrip_Throws_WhenASegmentRunsPastTheEnd()
    {
        var planted = PlantedMetadata.Jpeg();

        var e = Assert.Throws<Export.Images.ImageMetadataException>(() => Export.Images.JpegMetadataStripper.Strip(planted.AsSpan(0, 30)));
        Assert.Contains("claims", e.Message, StringComparison.Ordinal);
    }

    private static int IndexOfMarker(byte[] jpeg, byte marker)
    {
        for (var i = 2; i + 1 < jpeg.Length; i++)
        {
            if (jpeg[i] == 0xFF && jpeg[i + 1] == marker)
            {
                return i;
            }
        }
        throw new InvalidOperationException($"no 0xFF{marker:X2} marker");
    }
}
