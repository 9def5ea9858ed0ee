namespace Crawler.Dedup.Embedding;

/// <summary>
/// Which DCT coefficients the built-in descriptor keeps and how it weighs them, as constant tensors over
/// (channel, v, u): channel 0 is luma, 1 and 2 chroma; v is the vertical frequency, u the horizontal one.
/// </summary>
internal static class DescriptorLayout
{
    public static float[] Weights(PerceptualDesign d, int k) => Fill(k, (c, v, u) =>
    {
        var frequency = MathF.Pow((u * u) + (v * v), d.FrequencyExponent / 2);
        return c == 0
            ? (u + v < d.LumaBand && u + v > 0 ? frequency : 0f)
            : (u + v < d.ColourBand ? d.ColourWeight * (u + v == 0 ? d.ColourDcWeight : frequency) : 0f);
    });

    /// <summary>The left/right balance: luma's lowest horizontal frequency, the clearest sign of which way a picture faces.</summary>
    public static float[] Balance(int k) => Fill(k, (c, v, u) => c == 0 && u == 1 && v <= 1 ? 1f : 0f);

    /// <summary>1 where the horizontal frequency is odd: the coefficients a mirror negates.</summary>
    public static float[] OddColumns(int k) => Fill(k, (_, _, u) => u % 2 == 1 ? 1f : 0f);

    /// <summary>Flat indices (c * k * k + v * k + u) of the coefficients with a non-zero weight, in that order.</summary>
    public static long[] Kept(PerceptualDesign d, int k)
    {
        var weights = Weights(d, k);
        return [.. Enumerable.Range(0, weights.Length).Where(i => weights[i] != 0f).Select(i => (long)i)];
    }

    private static float[] Fill(int k, Func<int, int, int, float> value)
    {
        var values = new float[3 * k * k];
        for (var c = 0; c < 3; c++)
        {
            for (var v = 0; v < k; v++)
            {
                for (var u = 0; u < k; u++)
                {
                    values[(c * k * k) + (v * k) + u] = value(c, v, u);
                }
            }
        }
        return values;
    }
}
