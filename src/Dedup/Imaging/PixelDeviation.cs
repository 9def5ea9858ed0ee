using NetVips;

namespace Crawler.Dedup.Imaging;

/// <summary>
/// How much the pixels vary: the largest standard deviation of any band, scaled to 0-255 whatever the
/// sample format. A blank or single-colour image scores near 0; a photograph scores tens.
/// </summary>
internal static class PixelDeviation
{
    // libvips' stats matrix: row 0 is all bands together, row 1 + b is band b; column 5 is the deviation.
    private const int DeviationColumn = 5;

    public static double Of(Image image)
    {
        using var stats = image.Stats();
        var largest = 0.0;
        for (var band = 0; band < image.Bands; band++)
        {
            largest = Math.Max(largest, stats.Getpoint(DeviationColumn, band + 1)[0]);
        }
        return largest * 255.0 / FullScale(image.Format);
    }

    private static double FullScale(Enums.BandFormat format) => format switch
    {
        Enums.BandFormat.Uchar => byte.MaxValue,
        Enums.BandFormat.Char => sbyte.MaxValue,
        Enums.BandFormat.Ushort => ushort.MaxValue,
        Enums.BandFormat.Short => short.MaxValue,
        Enums.BandFormat.Uint => uint.MaxValue,
        Enums.BandFormat.Int => int.MaxValue,
        _ => 1.0, // float and double samples run from 0 to 1
    };
}
