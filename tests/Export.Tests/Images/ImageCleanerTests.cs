using Crawler.Export.Images;
using Crawler.TestSupport;
using NetVips;

namespace Crawler.Export.Tests.Images;

public sealed class ImageCleanerTests
{
    private static readonly ImageCleaningSettings Settings = new(LargeImageBytes: 10L << 20, LargeImageQuality: 90, LargeImageMaxSide: 4096);

    [Fact]
    public void Clean_StripsInPlace_WhenTheJpegIsUpright()
    {
        var planted = PlantedMetadata.Jpeg();

        var cleaned = new ImageCleaner(Settings).Clean(new SourceImage(planted, "jpeg", 320, 240, Orientation: 1));

        Assert.Equal(ImageTreatment.Stripped, cleaned.Treatment);
        Assert.Equal(JpegMetadataStripper.Strip(planted), cleaned.Bytes);
        Assert.Equal($"{Core.Text.Sha256Hex.Of(cleaned.Bytes)}.jpg", cleaned.FileName);
    }

    [Fact]
    public void Clean_RotatesThePixelsAndDropsTheTag_WhenOrientationIsSix()
    {
        // Orientation 6: the stored picture must be turned 90 degrees clockwise to be seen upright, so the
        // stored top-left corner ends up top-right and width and height swap.
        var planted = PlantedMetadata.Jpeg(orientation: 6);

        var cleaned = new ImageCleaner(Settings).Clean(new SourceImage(planted, "jpeg", 320, 240, Orientation: 6));

        Assert.Equal(ImageTreatment.Reencoded, cleaned.Treatment);
        Assert.Contains("orientation 6", cleaned.Reason, StringComparison.Ordinal);
        Assert.Equal((240, 320), (cleaned.Width, cleaned.Height));
        Assert.Empty(PlantedMetadata.DecodedMetadata(cleaned.Bytes));
        Assert.False(PlantedMetadata.LeaksAnything(cleaned.Bytes));
        using var image = Image.NewFromBuffer(cleaned.Bytes);
        Assert.Equal((240, 320), (image.Width, image.Height));
        Assert.True(image.Getpoint(220, 20)[0] > 200, "the white square should be top-right");
        Assert.True(image.Getpoint(20, 20)[0] < 120, "the top-left should be grey");
    }

    [Fact]
    public void Clean_ReencodesOnceAndShrinks_WhenTheDownloadExceedsTheLimit()
    {
        var planted = PlantedMetadata.Jpeg(width: 1600, height: 1200);
        var settings = Settings with { LargeImageBytes = planted.Length - 1, LargeImageMaxSide = 800 };

        var cleaned = new ImageCleaner(settings).Clean(new SourceImage(planted, "jpeg", 1600, 1200, Orientation: 1));

        Assert.Equal(ImageTreatment.Reencoded, cleaned.Treatment);
        Assert.Contains("limit", cleaned.Reason, StringComparison.Ordinal);
        Assert.Equal(("jpeg", 800, 600), (cleaned.Format, cleaned.Width, cleaned.Height));
        Assert.False(PlantedMetadata.LeaksAnything(cleaned.Bytes));
    }

    [Fact]
    public void Clean_ConvertsToPng_WhenTheFormatCannotBeStrippedInPlace()
    {
        using var picture = PlantedMetadata.Picture();
        var gif = picture.GifsaveBuffer();

        var cleaned = new ImageCleaner(Settings).Clean(new SourceImage(gif, "gif", 320, 240, Orientation: 1));

        Assert.Equal(("png", ImageTreatment.Reencoded), (cleaned.Format, cleaned.Treatment));
        Assert.Equal(0x89, cleaned.Bytes[0]);
        Assert.EndsWith(".png", cleaned.FileName, StringComparison.Ordinal);
    }
}
