using NetVips;

namespace Crawler.Dedup.Comparison;

/// <summary>A small rotation as a straightened or tilted repost has it: turned, then cropped to what stays inside the frame.</summary>
internal static class Tilt
{
    /// <summary><paramref name="image"/> turned by <paramref name="degrees"/>, cropped to the largest centred rectangle of its shape with no corner filled in.</summary>
    public static Image Apply(Image image, double degrees)
    {
        if (degrees == 0)
        {
            return image.Copy();
        }
        var radians = Math.Abs(degrees) * Math.PI / 180;
        var aspect = Math.Max((double)image.Width / image.Height, (double)image.Height / image.Width);
        var keep = 1 / (Math.Cos(radians) + (Math.Sin(radians) * aspect));
        using var rotated = image.Rotate(degrees);
        var (w, h) = ((int)(image.Width * keep), (int)(image.Height * keep));
        return rotated.ExtractArea((rotated.Width - w) / 2, (rotated.Height - h) / 2, w, h);
    }
}
