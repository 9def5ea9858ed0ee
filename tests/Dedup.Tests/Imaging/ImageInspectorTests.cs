using Crawler.Dedup.Imaging;
using Crawler.TestSupport;
using NetVips;

namespace Crawler.Dedup.Tests.Imaging;

public sealed class ImageInspectorTests
{
    private readonly ImageInspector _inspector = new(new ImageLimits(MaxBytes: 25 << 20, MaxPixels: 100_000_000, DecodeTimeout: TimeSpan.FromMinutes(1)));

    [Fact]
    public void Inspect_ReportsFormatSizeAndOrientation_OfAGoodImage()
    {
        using var scene = TestImages.Scene(2);

        var facts = _inspector.Inspect(TestImages.Jpeg(scene));

        Assert.Equal((ImageFormat.Jpeg, 480, 360, 1, 1, false), (facts.Format, facts.Width, facts.Height, facts.Orientation, facts.Frames, facts.Animated));
        Assert.True(facts.Deviation > 20, $"a photo-like scene varies; deviation {facts.Deviation}");
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

        var error = Assert.Throws<ImageRejectedException>(() => new ImageInspector(new ImageLimits(25 << 20, 1000, TimeSpan.FromMinutes(1))).Inspect(TestImages.Png(scene)));

        Assert.Equal("too many pixels: 480x360 exceeds the cap of 1,000", error.Message);
    }

    [Fact]
    public void Inspect_RejectsBytesOverTheByteCap_BeforeSniffingThem()
    {
        using var scene = TestImages.Scene(4);
        var png = TestImages.Png(scene);

        var error = Assert.Throws<ImageRejectedException>(() => new ImageInspector(new ImageLimits(png.Length - 1, 100_000_000, TimeSpan.FromMinutes(1))).Inspect(png));

        Assert.Equal($"too large: {png.Length:N0} bytes exceeds the cap of {png.Length - 1:N0}", error.Message);
    }

    [Fact]
    public void Inspect_RejectsA50000By50000Png_WithoutDecodingIt()
    {
        var bomb = HugePng.Create(50_000, 50_000);

        var error = Assert.Throws<ImageRejectedException>(() => _inspector.Inspect(bomb));

        Assert.True(bomb.Length < 4096, $"the bomb is {bomb.Length} bytes");
        Assert.Equal("too many pixels: 50000x50000 exceeds the cap of 100,000,000", error.Message);
    }

    [Fact]
    public void Inspect_StopsTheDecode_WhenItsTimeIsUp()
    {
        using var scene = TestImages.Scene(5);
        var inspector = new ImageInspector(new ImageLimits(25 << 20, 100_000_000, TimeSpan.Zero));

        var error = Assert.Throws<ImageRejectedException>(() => inspector.Inspect(TestImages.Png(scene)));

        Assert.Equal("decode took longer than 0 s and was stopped", error.Message);
    }

    [Fact]
    public void Inspect_StopsALargeDecode_ThatRunsPastItsTime()
    {
        using var noise = Image.Gaussnoise(2500, 2500, sigma: 40, mean: 128, seed: 11).Cast(Enums.BandFormat.Uchar);
        var inspector = new ImageInspector(new ImageLimits(25 << 20, 100_000_000, TimeSpan.FromMilliseconds(1)));

        var error = Assert.Throws<ImageRejectedException>(() => inspector.Inspect(noise.PngsaveBuffer(compression: 1)));

        Assert.Equal("decode took longer than 0.001 s and was stopped", error.Message);
    }

    [Fact]
    public void Inspect_ReadsTheExifOrientation()
    {
        using var scene = TestImages.Scene(6);
        using var rotated = scene.Mutate(m => m.Set(GValue.GIntType, "orientation", 6));

        var facts = _inspector.Inspect(rotated.JpegsaveBuffer(keep: Enums.ForeignKeep.Exif));

        Assert.Equal(6, facts.Orientation);
        Assert.Equal((480, 360), (facts.Width, facts.Height));
    }

    [Fact]
    public void Inspect_CountsTheFramesOfAnAnimatedGif()
    {
        using var first = TestImages.Scene(7);
        using var second = TestImages.Scene(8);
        using var third = TestImages.Scene(9);
        using var strip = Image.Arrayjoin([first, second, third], across: 1);
        using var animation = strip.Mutate(m =>
        {
            m.Set(GValue.GIntType, "page-height", 360);
            m.Set(GValue.GIntType, "n-pages", 3);
        });

        var facts = _inspector.Inspect(animation.GifsaveBuffer());

        Assert.Equal((ImageFormat.Gif, 3, true), (facts.Format, facts.Frames, facts.Animated));
        Assert.Equal((480, 360), (facts.Width, facts.Height));
    }

    [Fact]
    public void Inspect_ScoresABlankImage_NearZero_WhateverItsSampleFormat()
    {
        using var white = Image.Black(400, 300, bands: 3).NewFromImage(250, 250, 250).Cast(Enums.BandFormat.Uchar);
        using var white16 = Image.Black(400, 300, bands: 3).NewFromImage(64_000, 64_000, 64_000).Cast(Enums.BandFormat.Ushort).Copy(interpretation: Enums.Interpretation.Rgb16);

        Assert.True(_inspector.Inspect(white.PngsaveBuffer()).Deviation < 0.01);
        Assert.True(_inspector.Inspect(white16.PngsaveBuffer()).Deviation < 0.01);
    }

    [Fact]
    public void Inspect_SaysAHeicMayBeUndecodableHere_RatherThanCorrupt()
    {
        // An ISO-BMFF header with HEIC brands and nothing decodable after it.
        byte[] heic = [0, 0, 0, 24, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8, .. new byte[64]];

        var error = Assert.Throws<ImageRejectedException>(() => _inspector.Inspect(heic));

        Assert.StartsWith("cannot decode Heif image (this libvips may lack an HEVC decoder, or the file is corrupt)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_DecodesAvif()
    {
        using var scene = TestImages.Scene(10);

        var facts = _inspector.Inspect(scene.HeifsaveBuffer(compression: Enums.ForeignHeifCompression.Av1));

        Assert.Equal((ImageFormat.Avif, 480, 360), (facts.Format, facts.Width, facts.Height));
    }
}
