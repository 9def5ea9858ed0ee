using Crawler.Dedup.Imaging;

namespace Crawler.Dedup.Tests.Imaging;

public sealed class ImageInspectorTests
{
    private readonly ImageInspector _inspector = new(maxPixels: 10_000_000);

    [Fact]
    public void Inspect_ReportsFormatAndSize_OfAGoodImage()
    {
        using var scene = TestImages.Scene(2);

        var facts = _inspector.Inspect(TestImages.Jpeg(scene));

        Assert.Equal(new ImageFacts(ImageFormat.Jpeg, 480, 360, 1, 1), facts);
    }

    [Fact]
    public void Inspect_RejectsATruncatedJpeg_AsCorrupt()
    {
        using var scene = TestImages.Scene(3);
        var whole = TestImages.Jpeg(scene);

        var error = Assert.Throws<ImageRejectedException>(() => _inspector.Inspect(whole[..(whole.Length / 2)]));

        Assert.StartsWith("corrupt Jpeg image", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_RejectsHtml_SayingWhatItIs()
    {
        var error = Assert.Throws<ImageRejectedException>(() => _inspector.Inspect("<html><body>Not found</body></html>"u8.ToArray()));

        Assert.Equal("not an image: the body is HTML or XML", error.Message);
    }

    [Fact]
    public void Inspect_RejectsImagesOverThePixelCap_FromTheHeaderAlone()
    {
        using var scene = TestImages.Scene(4);

        var error = Assert.Throws<ImageRejectedException>(() => new ImageInspector(maxPixels: 1000).Inspect(TestImages.Png(scene)));

        Assert.Equal("too many pixels: 480x360 exceeds the cap of 1,000", error.Message);
    }
}
