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

    [Theory]
    [InlineData("heic", "mif1heic", ImageFormat.Heif)]
    [InlineData("mif1", "mif1heic", ImageFormat.Heif)]
    [InlineData("mif1", "mif1avif", ImageFormat.Avif)]
    [InlineData("avif", "mif1miaf", ImageFormat.Avif)]
    [InlineData("isom", "isomiso2", ImageFormat.Unknown)] // an MP4 video, not an image
    public void Sniff_ReadsTheBrandsOfAnIsoMediaFile(string major, string compatible, ImageFormat expected)
    {
        var box = new byte[16 + compatible.Length];
        box[3] = (byte)box.Length;
        System.Text.Encoding.ASCII.GetBytes("ftyp" + major).CopyTo(box, 4);
        System.Text.Encoding.ASCII.GetBytes(compatible).CopyTo(box, 16);

        Assert.Equal(expected, ImageFormatSniffer.Sniff(box));
    }
}
