using NetVips;

namespace Crawler.Dedup.Tests.Evaluation;

/// <summary>
/// The changes of the evaluation, made with libvips on a real photo. Each takes the photo as 8-bit sRGB and
/// a seeded random source, so every run builds the same set.
/// </summary>
public static class Variants
{
    public static byte[] Resized(Image photo) => Jpeg(photo.Resize(0.5), 85);

    public static byte[] LowQuality(Image photo) => Jpeg(photo.Copy(), 30);

    /// <summary>A caption along the bottom, about a twelfth of the height, as reposting accounts add.</summary>
    public static byte[] Captioned(Image photo, Random random) =>
        Jpeg(WithText(photo, random.Next(2) == 0 ? "@daily_pics" : "so true lol", photo.Width / 2, photo.Height / 12, photo.Width / 4, photo.Height - (photo.Height / 8)), 90);

    /// <summary>Keeps 80-90% of the width and of the height at a random place.</summary>
    public static byte[] Cropped(Image photo, Random random)
    {
        var keep = 0.80 + (random.NextDouble() * 0.10);
        var (w, h) = ((int)(photo.Width * keep), (int)(photo.Height * keep));
        return Jpeg(photo.ExtractArea(random.Next(photo.Width - w + 1), random.Next(photo.Height - h + 1), w, h), 90);
    }

    public static byte[] Mirrored(Image photo) => Jpeg(photo.FlipHor(), 90);

    /// <summary>Turned 3-6 degrees either way, then cropped to the largest upright rectangle of the same shape.</summary>
    public static byte[] Rotated(Image photo, Random random)
    {
        var degrees = (3 + (random.NextDouble() * 3)) * (random.Next(2) == 0 ? -1 : 1);
        var radians = Math.Abs(degrees) * Math.PI / 180;
        var aspect = Math.Max((double)photo.Width / photo.Height, (double)photo.Height / photo.Width);
        var scale = 1 / (Math.Cos(radians) + (Math.Sin(radians) * aspect));
        using var turned = photo.Rotate(degrees);
        var (w, h) = ((int)(photo.Width * scale), (int)(photo.Height * scale));
        return Jpeg(turned.ExtractArea((turned.Width - w) / 2, (turned.Height - h) / 2, w, h), 90);
    }

    /// <summary>Another photo pasted over 60% x 60% of this one (a third of its area) at a random place.</summary>
    public static byte[] Pasted(Image photo, Image other, Random random)
    {
        var (w, h) = ((int)(photo.Width * 0.6), (int)(photo.Height * 0.6));
        using var patch = other.ThumbnailImage(w, height: h, size: Enums.Size.Force);
        return Jpeg(photo.Insert(patch, random.Next(photo.Width - w + 1), random.Next(photo.Height - h + 1)), 90);
    }

    /// <summary>A pencil-sketch filter: the grey picture colour-dodged with its blurred negative.</summary>
    public static byte[] Sketched(Image photo)
    {
        using var grey = photo.Colourspace(Enums.Interpretation.Bw).Cast(Enums.BandFormat.Float);
        using var negative = (255 - grey).Gaussblur(Math.Max(photo.Width, photo.Height) / 60.0);
        using var dodge = (grey * 255 / (256 - negative)).Cast(Enums.BandFormat.Uchar);
        return Jpeg(dodge.Colourspace(Enums.Interpretation.Srgb), 90);
    }

    /// <summary>Hue turned half way round the colour wheel (blue skies turn orange); only meaningful for colour photos.</summary>
    public static byte[] HueShifted(Image photo)
    {
        using var lch = photo.Colourspace(Enums.Interpretation.Lch);
        using var turned = lch.Linear([1, 1, 1], [0, 0, 180]);
        return Jpeg(turned.Colourspace(Enums.Interpretation.Srgb).Cast(Enums.BandFormat.Uchar), 90);
    }

    /// <summary>Average chroma (LCh C); under a few units a photo is grey and a hue shift changes nothing.</summary>
    public static double Chroma(Image photo)
    {
        using var lch = photo.Colourspace(Enums.Interpretation.Lch);
        return lch[1].Avg();
    }

    /// <summary>The most detailed square of about 12% of the short side painted over with the blur of its surroundings.</summary>
    public static byte[] ObjectRemoved(Image photo) => Jpeg(Smoothed(photo, Math.Min(photo.Width, photo.Height) / 8), 90);

    /// <summary>A short word, a twentieth of the height, at a random place.</summary>
    public static byte[] WordAdded(Image photo, Random random)
    {
        var (w, h) = (photo.Width / 8, photo.Height / 20);
        return Jpeg(WithText(photo, "love", w, h, random.Next(photo.Width - w), random.Next(photo.Height - h)), 90);
    }

    /// <summary>
    /// The small spot that stands out most from its surroundings (a difference of Gaussians at about 3% of the
    /// short side), healed with the blur of its neighbourhood, as a spot-healing brush removes a blemish.
    /// </summary>
    public static byte[] BlemishRetouched(Image photo)
    {
        var radius = Math.Max(3, Math.Min(photo.Width, photo.Height) / 64);
        using var grey = photo.Colourspace(Enums.Interpretation.Bw).Cast(Enums.BandFormat.Float);
        using var spot = grey.Gaussblur(radius / 2.0);
        using var surroundings = grey.Gaussblur(radius * 2.0);
        using var contrast = (spot - surroundings).Abs();
        var margin = 3 * radius;
        using var inner = contrast.ExtractArea(margin, margin, photo.Width - (2 * margin), photo.Height - (2 * margin));
        inner.Max(out var x, out var y);
        using var healed = photo.Gaussblur(radius * 2.0).Cast(Enums.BandFormat.Uchar);
        using var disc = Image.Black(photo.Width, photo.Height).Mutate(m => m.DrawCircle([255], x + margin, y + margin, radius, fill: true));
        using var soft = disc.Gaussblur(1).Cast(Enums.BandFormat.Uchar);
        return Jpeg(soft.Ifthenelse(healed, photo, blend: true), 90);
    }

    public static Image AsSrgb(byte[] bytes)
    {
        using var decoded = Image.NewFromBuffer(bytes);
        using var srgb = decoded.Colourspace(Enums.Interpretation.Srgb);
        using var rgb = srgb.Bands > 3 ? srgb.ExtractBand(0, n: 3) : srgb.Copy();
        return rgb.Cast(Enums.BandFormat.Uchar).CopyMemory();
    }

    private static Image Smoothed(Image photo, int side)
    {
        var (x, y) = MostDetailed(photo, side);
        var margin = side;
        var (left, top) = (Math.Max(0, x - margin), Math.Max(0, y - margin));
        var (w, h) = (Math.Min(photo.Width - left, side + (2 * margin)), Math.Min(photo.Height - top, side + (2 * margin)));
        using var around = photo.ExtractArea(left, top, w, h);
        using var blurred = around.Gaussblur(side / 2.0).Cast(Enums.BandFormat.Uchar);
        using var core = blurred.ExtractArea(x - left, y - top, side, side);
        return photo.Insert(core, x, y);
    }

    /// <summary>The top-left corner of the square of the given side, on a grid of such squares, whose pixels vary most.</summary>
    private static (int X, int Y) MostDetailed(Image photo, int side)
    {
        using var grey = photo.Colourspace(Enums.Interpretation.Bw);
        var best = (X: 0, Y: 0, Deviation: -1.0);
        for (var y = side; y + (2 * side) <= photo.Height; y += side)
        {
            for (var x = side; x + (2 * side) <= photo.Width; x += side)
            {
                using var square = grey.ExtractArea(x, y, side, side);
                var deviation = square.Deviate();
                if (deviation > best.Deviation)
                {
                    best = (x, y, deviation);
                }
            }
        }
        return (best.X, best.Y);
    }

    private static Image WithText(Image photo, string text, int width, int height, int x, int y)
    {
        using var mask = Image.Text($"<b>{text}</b>", font: "sans", width: width, height: height);
        using var shadow = mask.Gaussblur(1.5);
        return photo.Mutate(canvas =>
        {
            canvas.DrawMask([0, 0, 0], shadow, x + 1, y + 1);
            canvas.DrawMask([255, 255, 255], mask, x, y);
        });
    }

    private static byte[] Jpeg(Image image, int quality)
    {
        using (image)
        {
            return image.JpegsaveBuffer(q: quality, keep: Enums.ForeignKeep.None);
        }
    }
}
