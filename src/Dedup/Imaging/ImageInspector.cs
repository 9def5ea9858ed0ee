using System.Globalization;
using NetVips;

namespace Crawler.Dedup.Imaging;

/// <summary>
/// Decides which bytes are admitted as an image, for the fetch-image stage and the <c>dedup</c> verb alike:
/// it sniffs and fully decodes them, so a truncated or hostile file is rejected before it is used. The byte
/// cap comes first, the pixel cap is checked on the header, before any pixel is decoded, and the decode
/// itself is killed when it runs past the time limit.
/// </summary>
public sealed class ImageInspector(ImageLimits limits)
{
    private static readonly IProgress<int> NoProgress = new Progress<int>();

    /// <returns>Why a file of <paramref name="length"/> bytes is refused unread; null when it may be read.</returns>
    public string? TooLarge(long length) =>
        length > limits.MaxBytes ? Invariant($"too large: {length:N0} bytes exceeds the cap of {limits.MaxBytes:N0}") : null;

    /// <exception cref="ImageRejectedException">Too large, not an image, corrupt, too many pixels, or too slow to decode.</exception>
    public ImageFacts Inspect(byte[] bytes, CancellationToken ct = default)
    {
        if (TooLarge(bytes.Length) is { } tooLarge)
        {
            throw new ImageRejectedException(tooLarge);
        }
        var format = ImageFormatSniffer.Sniff(bytes);
        if (format == ImageFormat.Unknown)
        {
            throw new ImageRejectedException(DescribeNonImage(bytes));
        }
        using var timeout = new CancellationTokenSource(limits.DecodeTimeout);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            // Only the first frame of an animation is used, so only it is decoded.
            using var image = Image.NewFromBuffer(bytes, access: Enums.Access.Sequential, failOn: Enums.FailOn.Truncated);
            if ((long)image.Width * image.Height > limits.MaxPixels)
            {
                throw new ImageRejectedException(Invariant($"too many pixels: {image.Width}x{image.Height} exceeds the cap of {limits.MaxPixels:N0}"));
            }
            var orientation = IntField(image, "orientation") ?? 1;
            var frames = IntField(image, "n-pages") ?? 1;
            image.SetProgress(NoProgress, budget.Token);
            // Stats reads every pixel: a truncated or corrupt body fails here rather than at export.
            var deviation = PixelDeviation.Of(image);
            if (timeout.IsCancellationRequested)
            {
                // libvips checks the kill flag between tiles; a decode that finished late is over budget all the same.
                throw new ImageRejectedException(TooSlow());
            }
            return new ImageFacts(format, image.Width, image.Height, orientation is >= 1 and <= 8 ? orientation : 1, Math.Max(1, frames), deviation);
        }
        catch (VipsException e) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new ImageRejectedException(TooSlow(), e);
        }
        catch (VipsException e)
        {
            ct.ThrowIfCancellationRequested();
            // libvips is commonly built without an HEVC decoder (patents), so a HEIC may be sound but unreadable here.
            var what = format == ImageFormat.Heif ? "cannot decode Heif image (this libvips may lack an HEVC decoder, or the file is corrupt)" : $"corrupt {format} image";
            throw new ImageRejectedException($"{what}: {Describe(e.Message)}", e);
        }
    }

    private string TooSlow() => Invariant($"decode took longer than {limits.DecodeTimeout.TotalSeconds:0.###} s and was stopped");

    private static int? IntField(Image image, string name) =>
        image.Contains(name) ? Convert.ToInt32(image.Get(name), CultureInfo.InvariantCulture) : null;

    private static string DescribeNonImage(byte[] bytes)
    {
        var head = System.Text.Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 64)).TrimStart();
        return head.StartsWith('<') ? "not an image: the body is HTML or XML" : Invariant($"not an image: unrecognised first bytes ({bytes.Length} bytes)");
    }

    /// <summary>libvips puts the operation first and the codec's own complaint after it; both help.</summary>
    private static string Describe(string message) => string.Join("; ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
