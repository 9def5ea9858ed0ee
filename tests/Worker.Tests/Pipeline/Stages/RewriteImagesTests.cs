using Crawler.Worker.Pipeline.Stages;
using NetVips;

namespace Crawler.Worker.Tests.Pipeline.Stages;

public sealed class RewriteImagesTests
{
    [Fact]
    public void Downscale_AppliesOrientation_AndBoundsTheLongestSide()
    {
        using var black = Image.Black(800, 400, bands: 3);
        using var rotated = black.Mutate(m => m.Set(GValue.GIntType, "orientation", 6));
        var jpeg = rotated.JpegsaveBuffer(q: 90);

        using var sent = Image.NewFromBuffer(RewriteImages.Downscale(jpeg, 300));

        // Orientation 6 turns the 800x400 landscape into a 400x800 portrait before shrinking.
        Assert.Equal((150, 300), (sent.Width, sent.Height));
        Assert.False(sent.Contains("orientation") && Convert.ToInt32(sent.Get("orientation"), System.Globalization.CultureInfo.InvariantCulture) != 1);
    }

    [Fact]
    public void Downscale_FlattensTransparencyOntoWhite_AndKeepsSmallImagesTheirSize()
    {
        using var clear = Image.Black(100, 50, bands: 4);
        var png = clear.PngsaveBuffer();

        using var sent = Image.NewFromBuffer(RewriteImages.Downscale(png, 768));

        Assert.Equal((100, 50, 3), (sent.Width, sent.Height, sent.Bands));
        Assert.True(sent.Avg() > 250, $"average {sent.Avg()}: transparency was not flattened onto white");
    }
}
