using NetVips;

namespace Crawler.TestSupport.Forums;

/// <summary>
/// Photos for the forum, drawn with libvips: a textured sky and ground with three objects, laid out and coloured
/// by the seed, so two threads' originals are different pictures (the dedup stage must not merge them) while an
/// edit (<c>edit</c> &gt; 0) is its original with one object recoloured or painted out. The demo's scene
/// renderer lives inside the Worker (internal), which TestSupport must not depend on, hence this small twin.
/// </summary>
public static class ForumPhotos
{
    public static byte[] Jpeg(int seed, int edit = 0, int width = 640, int height = 480)
    {
        var random = new Random(seed);
        double[] sky = [random.Next(40, 200), random.Next(90, 210), random.Next(150, 250)];
        double[] ground = [random.Next(40, 200), random.Next(60, 160), random.Next(20, 120)];
        var horizon = random.Next(height / 3, height * 2 / 3);
        var objects = Enumerable.Range(0, 3).Select(i => (
            X: (width / 6) + (i * width / 3) + random.Next(-40, 41),
            Y: horizon + random.Next(-60, 60),
            Size: random.Next(50, 130),
            Round: random.Next(2) == 0,
            Ink: new double[] { random.Next(256), random.Next(256), random.Next(256) })).ToArray();
        using var noise = Image.Gaussnoise(width, height, sigma: 10, mean: 0, seed: seed);
        using var colour = noise.Bandjoin(noise, noise) + sky;
        using var canvas = colour.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        using var photo = canvas.Mutate(draw =>
        {
            draw.DrawRect(ground, 0, horizon, width, height - horizon, fill: true);
            for (var i = 0; i < objects.Length; i++)
            {
                var o = objects[i];
                var changed = edit > 0 && i == (edit - 1) % objects.Length;
                // Odd edits recolour the object, even ones paint it out with the ground or sky behind it.
                var ink = !changed ? o.Ink : edit % 2 == 1 ? [255 - o.Ink[0], 255 - o.Ink[1], 255 - o.Ink[2]] : o.Y >= horizon ? ground : sky;
                if (o.Round)
                {
                    draw.DrawCircle(ink, o.X, o.Y, o.Size / 2, fill: true);
                }
                else
                {
                    draw.DrawRect(ink, o.X - (o.Size / 2), o.Y - (o.Size / 2), o.Size, o.Size, fill: true);
                }
            }
        });
        return photo.JpegsaveBuffer(q: 88, keep: Enums.ForeignKeep.None);
    }

    /// <summary>A smaller copy, as the forum's attachment thumbnails are.</summary>
    public static byte[] Thumbnail(byte[] jpeg, int width = 250)
    {
        using var thumb = Image.ThumbnailBuffer(jpeg, width);
        return thumb.JpegsaveBuffer(q: 80, keep: Enums.ForeignKeep.None);
    }
}
