using Crawler.Dedup.Imaging;
using NetVips;

namespace Crawler.Dedup.Comparison;

/// <summary>
/// Confirms that two images are the same picture, allowing for a crop, a mirror or a small rotation: the
/// edit's edge map is registered on the original's by exhaustive search over scales (the edit showing 100%
/// down to 75% of the original's width) and every offset, as it is and mirrored, and the best correlation
/// is the score. Pictures with the same layout but different contents (two portraits against one wall, two
/// renders of one template) have close embeddings, but their edges do not line up anywhere.
/// </summary>
public static class AlignedStructure
{
    private const int EditSide = 48;
    private static readonly double[] Scales = [1.0, 0.95, 0.9, 0.85, 0.8, 0.75];

    // A straightened or tilted repost is turned a few degrees and cropped; the blur absorbs the rest.
    private static readonly double[] Angles = [0, -4, 4];

    /// <summary>Either image may be the cropped one: the better of the two registrations.</summary>
    public static double Between(byte[] a, byte[] b) => Math.Max(Of(a, b), Of(b, a));

    /// <summary>
    /// The best Pearson correlation (-1 to 1) of blurred edge maps over rotations, scales, offsets and mirroring,
    /// with <paramref name="edit"/> showing all or part of <paramref name="original"/>.
    /// </summary>
    public static double Of(byte[] original, byte[] edit)
    {
        using var editGrey = EdgeMap.Grey(edit, EditSide, EditSide);
        var targets = Angles.SelectMany(angle =>
        {
            var map = EdgeMap.Of(editGrey, angle);
            return new[] { map, map.Mirrored() };
        }).ToList();
        // Decoded once, at the largest size a scale needs; smaller sizes are resampled from it.
        var largest = (int)Math.Round(editGrey.Width / Scales[^1]);
        using var originalGrey = EdgeMap.Grey(original, largest, largest);
        var best = -1.0;
        foreach (var scale in Scales)
        {
            // The original at the size where its content has the edit's scale, if the edit fits in it.
            var width = (int)Math.Round(editGrey.Width / scale);
            var height = (int)Math.Round(width * (double)originalGrey.Height / originalGrey.Width);
            if (height < editGrey.Height - 1)
            {
                continue;
            }
            using var resized = originalGrey.ThumbnailImage(width, height: Math.Max(height, editGrey.Height), size: Enums.Size.Force);
            var source = EdgeMap.Of(resized, 0);
            best = Math.Max(best, targets.Where(t => t.Width <= source.Width && t.Height <= source.Height).Select(source.BestCorrelation).DefaultIfEmpty(-1).Max());
        }
        return best;
    }
}

/// <summary>A blurred Sobel edge-strength map of a grey image, row by row.</summary>
internal sealed record EdgeMap(float[] Values, int Width, int Height)
{
    /// <summary>The image, grey, squashed into <paramref name="width"/> x <paramref name="height"/> (or fitted within a square when both are equal).</summary>
    public static Image Grey(byte[] bytes, int width, int height)
    {
        try
        {
            using var thumb = width == height
                ? Image.ThumbnailBuffer(bytes, width, height: height)
                : Image.ThumbnailBuffer(bytes, width, height: height, size: Enums.Size.Force);
            using var flat = thumb.HasAlpha() ? thumb.Flatten([255.0]) : thumb.Copy();
            using var grey = flat.Colourspace(Enums.Interpretation.Bw);
            return grey.ExtractBand(0).Cast(Enums.BandFormat.Float).CopyMemory();
        }
        catch (VipsException e)
        {
            throw new ImageRejectedException($"could not decode for comparison: {e.Message.Split('\n')[0]}", e);
        }
    }

    /// <summary>The edge map of <paramref name="grey"/> turned by <paramref name="degrees"/> and cropped to what stays inside the frame.</summary>
    public static EdgeMap Of(Image grey, double degrees)
    {
        using var turned = degrees == 0 ? grey.Copy() : Turned(grey, degrees);
        using var sobel = turned.Sobel();
        using var blurred = sobel.Cast(Enums.BandFormat.Float).Gaussblur(1.0);
        return new EdgeMap(blurred.WriteToMemory<float>(), blurred.Width, blurred.Height);
    }

    private static Image Turned(Image grey, double degrees)
    {
        var radians = Math.Abs(degrees) * Math.PI / 180;
        var aspect = Math.Max((double)grey.Width / grey.Height, (double)grey.Height / grey.Width);
        var keep = 1 / (Math.Cos(radians) + (Math.Sin(radians) * aspect));
        using var rotated = grey.Rotate(degrees);
        var (w, h) = ((int)(grey.Width * keep), (int)(grey.Height * keep));
        return rotated.ExtractArea((rotated.Width - w) / 2, (rotated.Height - h) / 2, w, h);
    }

    public EdgeMap Mirrored()
    {
        var mirrored = new float[Values.Length];
        for (var i = 0; i < Values.Length; i++)
        {
            mirrored[i] = Values[(i - (i % Width)) + (Width - 1 - (i % Width))];
        }
        return this with { Values = mirrored };
    }

    /// <summary>The best Pearson correlation of <paramref name="small"/> with any window of this map of its size.</summary>
    public double BestCorrelation(EdgeMap small)
    {
        var n = small.Values.Length;
        var meanB = small.Values.Average();
        var varB = small.Values.Sum(v => (v - meanB) * (v - meanB));
        var best = -1.0;
        for (var dy = 0; dy + small.Height <= Height; dy++)
        {
            for (var dx = 0; dx + small.Width <= Width; dx++)
            {
                double sumA = 0, sumAA = 0, sumAB = 0;
                for (var y = 0; y < small.Height; y++)
                {
                    var row = ((dy + y) * Width) + dx;
                    var smallRow = y * small.Width;
                    for (var x = 0; x < small.Width; x++)
                    {
                        var a = Values[row + x];
                        sumA += a;
                        sumAA += a * a;
                        sumAB += a * (small.Values[smallRow + x] - meanB);
                    }
                }
                var varA = sumAA - (sumA * sumA / n);
                if (varA > 0 && varB > 0)
                {
                    best = Math.Max(best, sumAB / Math.Sqrt(varA * varB));
                }
            }
        }
        return best;
    }
}
