namespace Crawler.Dedup.Embedding;

/// <summary>The orthonormal DCT-II basis, truncated to its lowest frequencies.</summary>
internal static class Dct
{
    /// <summary>A <paramref name="rows"/> x <paramref name="n"/> matrix: row u is the u-th basis vector of length n.</summary>
    public static float[] Matrix(int rows, int n)
    {
        var m = new float[rows * n];
        for (var u = 0; u < rows; u++)
        {
            var alpha = Math.Sqrt((u == 0 ? 1.0 : 2.0) / n);
            for (var x = 0; x < n; x++)
            {
                m[(u * n) + x] = (float)(alpha * Math.Cos(Math.PI * ((2 * x) + 1) * u / (2.0 * n)));
            }
        }
        return m;
    }

    public static float[] Transpose(float[] m, int rows, int cols)
    {
        var t = new float[m.Length];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                t[(c * rows) + r] = m[(r * cols) + c];
            }
        }
        return t;
    }
}
