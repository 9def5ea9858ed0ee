using Crawler.Dedup.Imaging;
using NetVips;

namespace Crawler.Dedup.Comparison;

/// <summary>
/// Compares two images pixel by pixel at a common size. An edit that removes a small object or adds a
/// word barely moves an embedding but leaves blocks that differ far beyond re-encoding noise.
/// </summary>
public static class PixelDifference
{
    /// <summary>
    /// The largest mean absolute difference (0-255) over square blocks, after resizing both images to the
    /// first one's aspect with <paramref name="longSide"/> pixels on its long side and blurring them lightly.
    /// </summary>
    public static double MaxBlockDifference(byte[] original, byte[] edit, int longSide = 256, int block = 8)
    {
        var (width, height) = CommonSize(original, longSide);
        var a = Rgb(original, width, height);
        var b = Rgb(edit, width, height);
        var worst = 0.0;
        for (var by = 0; by < height; by += block)
        {
            for (var bx = 0; bx < width; bx += block)
            {
                worst = Math.Max(worst, BlockDifference(a, b, width, bx, by, Math.Min(block, width - bx), Math.Min(block, height - by)));
            }
        }
        return worst;
    }

    private static double BlockDifference(byte[] a, byte[] b, int width, int x0, int y0, int w, int h)
    {
        long sum = 0;
        for (var y = y0; y < y0 + h; y++)
        {
            var row = ((y * width) + x0) * 3;
            for (var i = row; i < row + (w * 3); i++)
            {
                sum += Math.Abs(a[i] - b[i]);
            }
        }
        return (double)sum / (w * h * 3);
    }

    private static (int Width, int Height) CommonSize(byte[] bytes, int longSide)
    {
        using var header = Decode(() => Image.NewFromBuffer(bytes, access: Enums.Access.Sequential));
        var scale = (double)longSide / Math.Max(header.Width, header.Height);
        return (Math.Max(1, (int)Math.Round(header.Width * scale)), Math.Max(1, (int)Math.Round(header.Height * scale)));
    }

    private static byte[] Rgb(byte[] bytes, int width, int height)
    {
        using var thumb = Decode(() => Image.ThumbnailBuffer(bytes, width, height: height, size: Enums.Size.Force));
        // A light blur removes JPEG ringing and resampling noise; a removed object or an added word survives it.
        using var smooth = thumb.Gaussblur(1.2);
        using var flat = smooth.HasAlpha() ? smooth.Flatten([255, 255, 255]) : smooth.Copy();
        using var srgb = flat.Colourspace(Enums.Interpretation.Srgb);
        using var rgb = srgb.Bands > 3 ? srgb.ExtractBand(0, 3) : srgb.Copy();
        using var cast = rgb.Cast(Enums.BandFormat.Uchar);
        return cast.WriteToMemory<byte>();
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
