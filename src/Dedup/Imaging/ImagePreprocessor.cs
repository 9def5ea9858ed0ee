using System.Numerics;
using NetVips;

namespace Crawler.Dedup.Imaging;

/// <summary>
/// Decodes an image straight to a model's input size and writes it channels-first, normalised. libvips'
/// thumbnail shrinks on load: a 12 MP JPEG is decoded at 1/8 scale, never at full size. EXIF orientation
/// is applied, transparency is flattened onto white, and grey, CMYK and 16-bit images become 8-bit sRGB.
/// </summary>
public sealed class ImagePreprocessor
{
    private readonly int _side;
    private readonly float[] _scale;
    private readonly float[] _offset;

    public ImagePreprocessor(int side, IReadOnlyList<float> mean, IReadOnlyList<float> std)
    {
        _side = side;
        _scale = [.. std.Select(s => 1f / (255f * s))];
        _offset = [.. mean.Zip(std, (m, s) => -m / s)];
    }

    public int Side => _side;

    /// <summary>Values per image: three planes of <see cref="Side"/> squared.</summary>
    public int Length => 3 * _side * _side;

    /// <summary>Writes one image as fp32 or fp16 (<see cref="Half"/>), whichever the model reads.</summary>
    /// <exception cref="ImageRejectedException">The bytes do not decode; the message says why and names <paramref name="index"/>.</exception>
    public void Write<T>(byte[] image, Span<T> destination, int index)
        where T : struct, IBinaryFloatingPointIeee754<T>
    {
        var rgb = DecodeRgb(image, index);
        var plane = _side * _side;
        for (var c = 0; c < 3; c++)
        {
            var target = destination.Slice(c * plane, plane);
            var (scale, offset) = (_scale[c], _offset[c]);
            for (var i = 0; i < plane; i++)
            {
                target[i] = T.CreateTruncating((rgb[(i * 3) + c] * scale) + offset);
            }
        }
    }

    private byte[] DecodeRgb(byte[] image, int index)
    {
        var chain = new List<Image>();
        try
        {
            var current = Keep(chain, Image.ThumbnailBuffer(image, _side, height: _side, size: Enums.Size.Force));
            if (current.HasAlpha())
            {
                current = Keep(chain, current.Flatten(background: [255.0]));
            }
            if (current.Interpretation != Enums.Interpretation.Srgb)
            {
                current = Keep(chain, current.Colourspace(Enums.Interpretation.Srgb));
            }
            if (current.Bands > 3)
            {
                current = Keep(chain, current.ExtractBand(0, n: 3));
            }
            if (current.Format != Enums.BandFormat.Uchar)
            {
                current = Keep(chain, current.Cast(Enums.BandFormat.Uchar));
            }
            return current.WriteToMemory<byte>();
        }
        catch (VipsException e)
        {
            throw new ImageRejectedException($"image {index} could not be decoded: {e.Message.Split('\n')[0]}", e);
        }
        finally
        {
            chain.ForEach(i => i.Dispose());
        }
    }

    private static Image Keep(List<Image> chain, Image image)
    {
        chain.Add(image);
        return image;
    }
}
