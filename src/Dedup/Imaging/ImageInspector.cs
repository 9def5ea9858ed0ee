using NetVips;

namespace Crawler.Dedup.Imaging;

/// <summary>
/// Sniffs and fully decodes downloaded bytes, so a truncated or hostile file is rejected before it is
/// stored as an image. The pixel cap is checked on the header, before any pixel is decoded.
/// </summary>
public sealed class ImageInspector(long maxPixels)
{
    public ImageFacts Inspect(byte[] bytes)
    {
        var format = ImageFormatSniffer.Sniff(bytes);
        if (format == ImageFormat.Unknown)
        {
            throw new ImageRejectedException(DescribeNonImage(bytes));
        }
        try
        {
            // Only the first frame of an animation is used, so only it is decoded.
            using var image = Image.NewFromBuffer(bytes, access: Enums.Access.Sequential, failOn: Enums.FailOn.Truncated);
            var pixels = (long)image.Width * image.Height;
            if (pixels > maxPixels)
            {
                throw new ImageRejectedException($"too many pixels: {image.Width}x{image.Height} exceeds the cap of {maxPixels:N0}");
            }
            var orientation = image.Contains("orientation") ? Convert.ToInt32(image.Get("orientation"), System.Globalization.CultureInfo.InvariantCulture) : 1;
            var frames = image.Contains("n-pages") ? Convert.ToInt32(image.Get("n-pages"), System.Globalization.CultureInfo.InvariantCulture) : 1;
            // Avg reads every pixel: a truncated or corrupt body fails here rather than at export.
            _ = image.Avg();
            return new ImageFacts(format, image.Width, image.Height, orientation is >= 1 and <= 8 ? orientation : 1, frames);
        }
        catch (VipsException e)
        {
            throw new ImageRejectedException($"corrupt {format} image: {Describe(e.Message)}", e);
        }
    }

    private static string DescribeNonImage(byte[] bytes)
    {
        var head = System.Text.Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 64)).TrimStart();
        return head.StartsWith('<') ? "not an image: the body is HTML or XML" : $"not an image: unrecognised first bytes ({bytes.Length} bytes)";
    }

    /// <summary>libvips puts the operation first and the codec's own complaint after it; both help.</summary>
    private static string Describe(string message) => string.Join("; ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
