using NetVips;

namespace Crawler.Dedup.Tests;

/// <summary>Pictures drawn for the tests: a scene with distinct objects, and variants of it.</summary>
internal static class TestImages
{
    public static Image Scene(int seed, bool withBall = true)
    {
        using var noise = Image.Gaussnoise(480, 360, sigma: 30, mean: 128, seed: seed);
        using var grey = noise.Cast(Enums.BandFormat.Uchar);
        using var blurred = grey.Gaussblur(6);
        using var colour = blurred.Bandjoin(blurred, blurred).Copy(interpretation: Enums.Interpretation.Srgb);
        using var cast = colour.Cast(Enums.BandFormat.Uchar);
        // Layouts differ by seed, so two seeds are two different photos.
        var random = new Random(seed);
        var (x1, y1, x2, y2) = (random.Next(10, 200), random.Next(10, 120), random.Next(250, 340), random.Next(160, 240));
        return cast.Mutate(canvas =>
        {
            canvas.DrawRect([20, 120, 200], x1, y1, 160, 120, fill: true);
            canvas.DrawRect([230, 230, 60], x2, y2, 120, 100, fill: true);
            if (withBall)
            {
                canvas.DrawCircle([220, 30, 30], 260, 100, 24, fill: true);
            }
        });
    }

    public static byte[] Jpeg(Image image, int quality = 90) => image.JpegsaveBuffer(q: quality, keep: Enums.ForeignKeep.None);

    public static byte[] Png(Image image) => image.PngsaveBuffer();
}
