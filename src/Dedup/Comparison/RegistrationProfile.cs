using System.Collections.Concurrent;
using Crawler.Dedup.Imaging;
using NetVips;

namespace Crawler.Dedup.Comparison;

/// <summary>
/// What registration needs of one image, decoded once: a small grey copy and a small colour copy from which
/// the edge and colour maps of the original side are resampled on demand, and the edit side's maps (straight
/// and tilted 4 degrees either way, each also mirrored). Colour maps are made only for the views that the
/// best alignment uses.
/// </summary>
public sealed class RegistrationProfile : IDisposable
{
    /// <summary>The edit side's long side in pixels; the original side goes up to this divided by the smallest scale.</summary>
    private const int EditSide = 48;
    private const int OriginalSide = 64;

    // A straightened or tilted repost is turned a few degrees and cropped; the blur absorbs the rest.
    private static readonly double[] Angles = [0, -4, 4];

    private readonly Image _grey;
    private readonly Image _colour;
    private readonly ConcurrentDictionary<(int, int), RegistrationView> _sources = new();

    private RegistrationProfile(Image grey, Image colour)
    {
        (_grey, _colour) = (grey, colour);
        using var smallGrey = grey.ThumbnailImage(EditSide, height: EditSide);
        Targets = [.. Angles.SelectMany(angle =>
        {
            var edges = EdgeMap.Of(smallGrey, angle);
            var colours = new Lazy<ColourMap>(() => EditColours(angle));
            return new[] { new RegistrationView(edges, () => colours.Value), new RegistrationView(edges.Mirrored(), () => colours.Value.Mirrored()) };
        })];
    }

    public int Width => _grey.Width;

    public int Height => _grey.Height;

    internal IReadOnlyList<RegistrationView> Targets { get; }

    /// <exception cref="ImageRejectedException">The bytes do not decode.</exception>
    public static RegistrationProfile Of(byte[] bytes)
    {
        try
        {
            using var thumb = Image.ThumbnailBuffer(bytes, OriginalSide, height: OriginalSide);
            using var flattened = thumb.HasAlpha() ? thumb.Flatten([255.0]) : thumb.Copy();
            // Decoded once: the grey and the colour copy both read it, and the decoder reads only forwards.
            using var flat = flattened.CopyMemory();
            using var grey = flat.Colourspace(Enums.Interpretation.Bw);
            using var band = grey.ExtractBand(0);
            using var srgb = flat.Colourspace(Enums.Interpretation.Srgb);
            using var rgb = srgb.Bands > 3 ? srgb.ExtractBand(0, n: 3) : srgb.Copy();
            return new RegistrationProfile(band.Cast(Enums.BandFormat.Float).CopyMemory(), rgb.CopyMemory());
        }
        catch (VipsException e)
        {
            throw new ImageRejectedException($"could not decode for comparison: {e.Message.Split('\n')[0]}", e);
        }
    }

    internal RegistrationView SourceAt(int width, int height) => _sources.GetOrAdd((width, height), size =>
    {
        using var grey = _grey.ThumbnailImage(size.Item1, height: size.Item2, size: Enums.Size.Force);
        return new RegistrationView(EdgeMap.Of(grey, 0), () => Colours(size.Item1, size.Item2, 0));
    });

    /// <summary>The edit side's colours, sized and tilted as its edge maps are.</summary>
    private ColourMap EditColours(double angle)
    {
        using var small = _colour.ThumbnailImage(EditSide, height: EditSide);
        return Colours(small.Width, small.Height, angle);
    }

    private ColourMap Colours(int width, int height, double angle)
    {
        using var resized = _colour.ThumbnailImage(width, height: height, size: Enums.Size.Force);
        using var lab = resized.Colourspace(Enums.Interpretation.Lab);
        return ColourMap.Of(lab, angle);
    }

    public void Dispose()
    {
        _grey.Dispose();
        _colour.Dispose();
    }
}
