using Crawler.Dedup.Imaging;
using NetVips;

namespace Crawler.Dedup.Comparison;

/// <summary>
/// Compares two images pixel by pixel at a common size. An edit that removes a small object or adds a
/// word barely moves an embedding but shifts the mean colour of a few small blocks far beyond what
/// re-encoding does: JPEG noise and resampling blur average out within a block, a real change does not.
/// </summary>
public static class PixelDifference
{
    /// <summary>
    /// The largest shift (0-255) of any channel's mean over square blocks of <paramref name="block"/> pixels,
    /// after resizing both images to the first one's aspect with <paramref name="longSide"/> pixels on its
    /// long side (or fewer, when either image is smaller) and blurring them lightly.
    /// </summary>
    public static double MaxBlockDifference(byte[] original, byte[] edit, int longSide = 256, int block = 4)
    {
        var (width, height) = CommonSize(original, edit, longSide);
        var a = Rgb(original, width, height);
        var b = Rgb(edit, width, height);
        var worst = 0.0;
        for (var by = 0; by < height; by += block)
        {
            for (var bx = 0; bx < width; bx += block)
            {
                worst = Math.Max(worst, BlockShift(a, b, width, bx, by, Math.Min(block, width - bx), Math.Min(block, height - by)));
            }
        }
        return worst;
    }

    private static double BlockShift(byte[] a, byte[] b, int width, int x0, int y0, int w, int h)
    {
        var worst = 0.0;
        for (var c = 0; c < 3; c++)
        {
            long sum = 0;
            for (var y = y0; y < y0 + h; y++)
            {
                for (var i = (((y * width) + x0) * 3) + c; i < (((y * width) + x0 + w) * 3); i += 3)
                {
                    sum += a[i] - b[i];
                }
            }
            worst = Math.Max(worst, Math.Abs((double)sum / (w * h)));
        }
        return worst;
    }

    /// <summary>
    /// The first image's aspect at <paramref name="longSide"/>, or smaller when either image is: upscaling one
    /// of them would only compare resampling blur.
    /// </summary>
    private static (int Width, int Height) CommonSize(byte[] original, byte[] edit, int longSide)
    {
        using var a = Decode(() => Image.NewFromBuffer(original, access: Enums.Access.Sequential));
        using var b = Decode(() => Image.NewFromBuffer(edit, access: Enums.Access.Sequential));
        var side = Math.Min(longSide, Math.Min(Math.Max(a.Width, a.Height), Math.Max(b.Width, b.Height)));
        var scale = (double)side / Math.Max(a.Width, a.Height);
        return (Math.Max(1, (int)Math.Round(a.Width * scale)), Math.Max(1, (int)Math.Round(a.Height * scale)));
    }

    private static byte[] Rgb(byte[] bytes, int width, int height)
    {
        using var thumb = Decode(() => Image.ThumbnailBuffer(bytes, width, height: height, size: Enums.Size.Force));
        // A light blur absorbs the sub-pixel misalignment of two resamplings; a removed object or an added word survives it.
        using var smooth = thumb.Gaussblur(1.2);
        using var flat = smooth.HasAlpha() ? smooth.Flatten([255.0]) : smooth.Copy();
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
