using Crawler.Dedup.Imaging;
using NetVips;

namespace Crawler.Dedup.Embedding;

/// <summary>
/// A simple perceptual descriptor: a 16x16 grey thumbnail and a 16x16 map of edge strength, each
/// mean-centred and normalised, weighted equally. The grey half is robust to re-encoding and resizing;
/// the edge half keeps an edit related to its original when its tones change (a new sky) but its shapes
/// stay. Blind to mirroring and crops.
/// </summary>
public sealed class ThumbnailEmbedder : IImageEmbedder
{
    private const int Side = 64;
    private const int Cells = 16;

    public string ModelId => "thumb-edge-v1";

    public int Dimensions => 2 * Cells * Cells;

    public IReadOnlyList<float[]> Embed(IReadOnlyList<byte[]> images) => images.Select((bytes, i) => EmbedOne(bytes, i)).ToList();

    private static float[] EmbedOne(byte[] bytes, int index)
    {
        var grey = Grey(bytes, index);
        var tones = VectorMath.CentreAndNormalise(Pool((x, y) => grey[(y * Side) + x]));
        var edges = VectorMath.CentreAndNormalise(Pool((x, y) => EdgeStrength(grey, x, y)));
        var vector = new float[2 * Cells * Cells];
        for (var i = 0; i < tones.Length; i++)
        {
            vector[i] = tones[i] / MathF.Sqrt(2);
            vector[tones.Length + i] = edges[i] / MathF.Sqrt(2);
        }
        return vector;
    }

    private static byte[] Grey(byte[] bytes, int index)
    {
        try
        {
            // Shrink-on-load: a 12 MP JPEG is decoded at 1/8 scale, never at full size.
            using var thumb = Image.ThumbnailBuffer(bytes, Side, height: Side, size: Enums.Size.Force);
            using var grey = thumb.Colourspace(Enums.Interpretation.Bw);
            using var band = grey.ExtractBand(0);
            using var cast = band.Cast(Enums.BandFormat.Uchar);
            return cast.WriteToMemory<byte>();
        }
        catch (VipsException e)
        {
            throw new ImageRejectedException($"image {index} could not be decoded: {e.Message.Split('\n')[0]}", e);
        }
    }

    private static float EdgeStrength(byte[] grey, int x, int y)
    {
        var right = grey[(y * Side) + Math.Min(x + 1, Side - 1)];
        var down = grey[(Math.Min(y + 1, Side - 1) * Side) + x];
        var here = grey[(y * Side) + x];
        return Math.Abs(right - here) + Math.Abs(down - here);
    }

    /// <summary>Averages <paramref name="value"/> over square cells of the 64x64 grid.</summary>
    private static float[] Pool(Func<int, int, float> value)
    {
        const int cell = Side / Cells;
        var pooled = new float[Cells * Cells];
        for (var y = 0; y < Side; y++)
        {
            for (var x = 0; x < Side; x++)
            {
                pooled[((y / cell) * Cells) + (x / cell)] += value(x, y);
            }
        }
        return pooled;
    }
}
