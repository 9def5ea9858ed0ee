using Crawler.Dedup.Imaging;

namespace Crawler.Dedup.Tests.Imaging;

public sealed class ImageFormatSnifferTests
{
    [Fact]
    public void Sniff_RecognisesEncodedImages_ByTheirFirstBytes()
    {
        using var scene = TestImages.Scene(1);

        Assert.Equal(ImageFormat.Jpeg, ImageFormatSniffer.Sniff(TestImages.Jpeg(scene)));
        Assert.Equal(ImageFormat.Png, ImageFormatSniffer.Sniff(TestImages.Png(scene)));
        Assert.Equal(ImageFormat.WebP, ImageFormatSniffer.Sniff(scene.WebpsaveBuffer()));
        Assert.Equal(ImageFormat.Gif, ImageFormatSniffer.Sniff(scene.GifsaveBuffer()));
    }

    [Fact]
    public void Sniff_SaysUnknown_ForHtmlServedAsAnImage() =>
        Assert.Equal(ImageFormat.Unknown, ImageFormatSniffer.Sniff("<!DOCTYPE html><html>"u8));
}
