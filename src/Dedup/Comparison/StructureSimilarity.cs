using Crawler.Dedup.Imaging;
using NetVips;

namespace Crawler.Dedup.Comparison;

/// <summary>
/// Whether two images share their shapes, whatever their colours: the correlation of their edge maps at a
/// small common size. A recoloured, hue-shifted or stylised edit keeps its original's edges; a meme or a
/// wrongly paired picture does not. It confirms an "unrelated" verdict before a pair is dropped for it.
/// </summary>
public static class StructureSimilarity
{
    /// <summary>Pearson correlation (-1 to 1) of the Sobel edge strength of both images, grey, at <paramref name="longSide"/> pixels.</summary>
    public static double Of(byte[] original, byte[] edit, int longSide = 64)
    {
        var (width, height) = Size(original, longSide);
        return Correlation(Edges(original, width, height), Edges(edit, width, height));
    }

    private static double Correlation(float[] a, float[] b)
    {
        var (meanA, meanB) = (a.Average(), b.Average());
        double cov = 0, varA = 0, varB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var (da, db) = (a[i] - meanA, b[i] - meanB);
            cov += da * db;
            varA += da * da;
            varB += db * db;
        }
        return varA <= 0 || varB <= 0 ? 0 : cov / Math.Sqrt(varA * varB);
    }

    private static (int Width, int Height) Size(byte[] bytes, int longSide)
    {
        using var header = Decode(() => Image.NewFromBuffer(bytes, access: Enums.Access.Sequential));
        var scale = (double)longSide / Math.Max(header.Width, header.Height);
        return (Math.Max(3, (int)Math.Round(header.Width * scale)), Math.Max(3, (int)Math.Round(header.Height * scale)));
    }

    private static float[] Edges(byte[] bytes, int width, int height)
    {
        using var thumb = Decode(() => Image.ThumbnailBuffer(bytes, width, height: height, size: Enums.Size.Force));
        using var flat = thumb.HasAlpha() ? thumb.Flatten([255.0]) : thumb.Copy();
        using var grey = flat.Colourspace(Enums.Interpretation.Bw);
        using var band = grey.ExtractBand(0);
        using var edges = band.Sobel();
        using var values = edges.Cast(Enums.BandFormat.Float);
        return values.WriteToMemory<float>();
    }

    private static Image Decode(Func<Image> decode)
    {
        try
        {
            return decode();
        }
        catch (VipsException e)
        {
            throw new ImageRejectedException($"could not decode for comparison: {e.Message.Split('\n')[0]}", e);
        }
    }
}
