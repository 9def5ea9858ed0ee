using System.Collections.Concurrent;
using Crawler.Dedup.Imaging;
using NetVips;

namespace Crawler.Dedup.Comparison;

/// <summary>
/// What registration needs of one image, decoded once: a small grey copy from which the edge maps of the
/// original side are resampled on demand, and the edit side's edge maps (straight and tilted 4 degrees
/// either way, each also mirrored).
/// </summary>
public sealed class RegistrationProfile : IDisposable
{
    /// <summary>The edit side's long side in pixels; the original side goes up to this divided by the smallest scale.</summary>
    private const int EditSide = 48;
    private const int OriginalSide = 64;

    // A straightened or tilted repost is turned a few degrees and cropped; the blur absorbs the rest.
    private static readonly double[] Angles = [0, -4, 4];

    private readonly Image _grey;
    private readonly ConcurrentDictionary<(int, int), EdgeMap> _sources = new();

    private RegistrationProfile(Image grey)
    {
        _grey = grey;
        using var small = grey.ThumbnailImage(EditSide, height: EditSide);
        Targets = [.. Angles.SelectMany(angle =>
        {
            var map = EdgeMap.Of(small, angle);
            return new[] { map, map.Mirrored() };
        })];
    }

    public int Width => _grey.Width;

    public int Height => _grey.Height;

    internal IReadOnlyList<EdgeMap> Targets { get; }

    /// <exception cref="ImageRejectedException">The bytes do not decode.</exception>
    public static RegistrationProfile Of(byte[] bytes)
    {
        try
        {
            using var thumb = Image.ThumbnailBuffer(bytes, OriginalSide, height: OriginalSide);
            using var flat = thumb.HasAlpha() ? thumb.Flatten([255.0]) : thumb.Copy();
            using var grey = flat.Colourspace(Enums.Interpretation.Bw);
            using var band = grey.ExtractBand(0);
            return new RegistrationProfile(band.Cast(Enums.BandFormat.Float).CopyMemory());
        }
        catch (VipsException e)
        {
            throw new ImageRejectedException($"could not decode for comparison: {e.Message.Split('\n')[0]}", e);
        }
    }

    internal EdgeMap SourceAt(int width, int height) => _sources.GetOrAdd((width, height), size =>
    {
        using var resized = _grey.ThumbnailImage(size.Item1, height: size.Item2, size: Enums.Size.Force);
        return EdgeMap.Of(resized, 0);
    });

    public void Dispose() => _grey.Dispose();
}
