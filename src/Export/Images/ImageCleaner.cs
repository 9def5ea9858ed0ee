using System.Globalization;
using NetVips;

namespace Crawler.Export.Images;

/// <summary>
/// Makes a downloaded image safe and convenient to publish. JPEG, PNG and WebP lose their metadata
/// without being re-encoded. An image is decoded and encoded once, at high quality, only when it must be:
/// its EXIF orientation is not upright (the rotation goes into the pixels, since the tag that described
/// it is stripped), it is larger than the limit, its container cannot be stripped in place (GIF, TIFF,
/// HEIF, ...) or its structure is too damaged to walk.
/// </summary>
public sealed class ImageCleaner(ImageCleaningSettings settings)
{
    /// <summary>Bumped whenever the output for the same input changes, so recorded results are redone.</summary>
    public const string Version = "1";
    private const int HighQuality = 95;

    public CleanedImage Clean(SourceImage source)
    {
        if (source.Bytes.Length > settings.LargeImageBytes)
        {
            return Reencode(source, large: true, string.Create(CultureInfo.InvariantCulture,
                $"{source.Bytes.Length:N0} bytes exceed the {settings.LargeImageBytes:N0}-byte limit"));
        }
        if (source.Orientation != 1)
        {
            return Reencode(source, large: false, $"EXIF orientation {source.Orientation} applied to the pixels");
        }
        try
        {
            return source.Format switch
            {
                "jpeg" => Stripped(source, JpegMetadataStripper.Strip(source.Bytes)),
                "png" => Stripped(source, PngMetadataStripper.Strip(source.Bytes)),
                "webp" => Stripped(source, WebPMetadataStripper.Strip(source.Bytes)),
                _ => Reencode(source, large: false, $"{source.Format} has no in-place metadata stripping"),
            };
        }
        catch (ImageMetadataException e)
        {
            return Reencode(source, large: false, $"metadata could not be stripped in place: {e.Message}");
        }
    }

    private static CleanedImage Stripped(SourceImage source, byte[] bytes) =>
        new(bytes, source.Format, source.Width, source.Height, ImageTreatment.Stripped, "metadata stripped");

    private CleanedImage Reencode(SourceImage source, bool large, string reason)
    {
        using var decoded = Image.NewFromBuffer(source.Bytes);
        using var upright = decoded.Autorot();
        using var sized = large && Math.Max(upright.Width, upright.Height) > settings.LargeImageMaxSide
            ? upright.Resize((double)settings.LargeImageMaxSide / Math.Max(upright.Width, upright.Height), kernel: Enums.Kernel.Lanczos3)
            : upright.Copy();
        var quality = large ? settings.LargeImageQuality : HighQuality;
        // Only the colour profile survives: it changes how the pixels look and identifies nobody.
        var (format, bytes) = (sized.HasAlpha(), large || IsLossy(source.Format)) switch
        {
            (true, true) => ("webp", sized.WebpsaveBuffer(q: quality, keep: Enums.ForeignKeep.Icc)),
            (true, false) or (false, false) => ("png", sized.PngsaveBuffer(keep: Enums.ForeignKeep.Icc)),
            (false, true) => ("jpeg", sized.JpegsaveBuffer(q: quality, subsampleMode: Enums.ForeignSubsample.Off, keep: Enums.ForeignKeep.Icc)),
        };
        return new CleanedImage(bytes, format, sized.Width, sized.Height, ImageTreatment.Reencoded, reason);
    }

    private static bool IsLossy(string format) => format is "jpeg" or "webp" or "heif" or "avif";
}
