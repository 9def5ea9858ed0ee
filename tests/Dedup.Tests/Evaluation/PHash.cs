using NetVips;

namespace Crawler.Dedup.Tests.Evaluation;

/// <summary>
/// The plain 64-bit perceptual hash the evaluation compares against: grey 32x32, 2-D DCT, the 8x8 lowest
/// frequencies, one bit per coefficient above their median. Two images match at Hamming distance 10 or less.
/// </summary>
public static class PHash
{
    public const int MatchDistance = 10;

    public static ulong Of(byte[] bytes)
    {
        using var thumb = Image.ThumbnailBuffer(bytes, 32, height: 32, size: Enums.Size.Force);
        using var grey = thumb.Colourspace(Enums.Interpretation.Bw);
        using var band = grey.ExtractBand(0).Cast(Enums.BandFormat.Uchar);
        var pixels = band.WriteToMemory<byte>();
        var low = new double[64];
        for (var v = 0; v < 8; v++)
        {
            for (var u = 0; u < 8; u++)
            {
                var sum = 0.0;
                for (var y = 0; y < 32; y++)
                {
                    for (var x = 0; x < 32; x++)
                    {
                        sum += pixels[(y * 32) + x] * Math.Cos(Math.PI * ((2 * y) + 1) * v / 64) * Math.Cos(Math.PI * ((2 * x) + 1) * u / 64);
                    }
                }
                low[(v * 8) + u] = sum;
            }
        }
        var median = low.Order().ElementAt(32);
        var hash = 0UL;
        for (var i = 0; i < 64; i++)
        {
            hash |= low[i] > median ? 1UL << i : 0;
        }
        return hash;
    }

    public static int Distance(ulong a, ulong b) => System.Numerics.BitOperations.PopCount(a ^ b);
}
