using NetVips;

namespace Crawler.Dedup.Comparison;

/// <summary>A blurred Sobel edge-strength map of a grey image, row by row.</summary>
internal sealed record EdgeMap(float[] Values, int Width, int Height)
{
    /// <summary>The edge map of <paramref name="grey"/> turned by <paramref name="degrees"/> and cropped to what stays inside the frame.</summary>
    public static EdgeMap Of(Image grey, double degrees)
    {
        using var turned = Tilt.Apply(grey, degrees);
        using var sobel = turned.Sobel();
        using var blurred = sobel.Cast(Enums.BandFormat.Float).Gaussblur(1.0);
        return new EdgeMap(blurred.WriteToMemory<float>(), blurred.Width, blurred.Height);
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

    /// <summary>The best Pearson correlation of <paramref name="small"/> with any window of this map of its size, and that window's corner.</summary>
    public (double Correlation, int X, int Y) BestCorrelation(EdgeMap small)
    {
        var n = small.Values.Length;
        var meanB = small.Values.Average();
        var centred = small.Values.Select(v => v - meanB).ToArray();
        var varB = centred.Sum(v => (double)v * v);
        var best = (Correlation: -1.0, X: 0, Y: 0);
        for (var dy = 0; dy + small.Height <= Height; dy++)
        {
            for (var dx = 0; dx + small.Width <= Width; dx++)
            {
                float sumA = 0, sumAA = 0, sumAB = 0;
                for (var y = 0; y < small.Height; y++)
                {
                    var row = Values.AsSpan(((dy + y) * Width) + dx, small.Width);
                    var other = centred.AsSpan(y * small.Width, small.Width);
                    sumA += System.Numerics.Tensors.TensorPrimitives.Sum<float>(row);
                    sumAA += System.Numerics.Tensors.TensorPrimitives.Dot<float>(row, row);
                    sumAB += System.Numerics.Tensors.TensorPrimitives.Dot<float>(row, other);
                }
                var varA = sumAA - (sumA * sumA / n);
                if (varA > 0 && varB > 0 && sumAB / Math.Sqrt(varA * varB) is var correlation && correlation > best.Correlation)
                {
                    best = (correlation, dx, dy);
                }
            }
        }
        return best;
    }
}
