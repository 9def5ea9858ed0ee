using NetVips;

namespace Crawler.Worker.Demo;

/// <summary>
/// Draws scenes with libvips: a gradient sky, textured ground, solid objects and text. Deterministic for a
/// given scene (the texture noise is seeded), so an edit differs from its original only where it should.
/// </summary>
internal static class SceneRenderer
{
    public static Image Render(Scene scene)
    {
        using var y = Image.Xyz(scene.Width, scene.Height)[1];
        using var t = y / (double)scene.Height;
        using var red = Channel(t, scene.SkyTop.R, scene.SkyBottom.R);
        using var green = Channel(t, scene.SkyTop.G, scene.SkyBottom.G);
        using var blue = Channel(t, scene.SkyTop.B, scene.SkyBottom.B);
        using var sky = red.Bandjoin(green, blue);
        using var noise = Image.Gaussnoise(scene.Width, scene.Height, sigma: 7, mean: 0, seed: scene.NoiseSeed);
        using var textured = sky + noise;
        using var clipped = textured.Cast(Enums.BandFormat.Uchar);
        var drawn = clipped.Mutate(canvas =>
        {
            canvas.DrawRect(scene.Ground.Ink, 0, scene.Horizon, scene.Width, scene.Height - scene.Horizon, fill: true);
            foreach (var obj in scene.Objects)
            {
                Draw(canvas, obj);
            }
        });
        return scene.Caption is null ? drawn : WithCaption(drawn, scene.Caption);
    }

    public static byte[] Jpeg(Scene scene, int quality = 90)
    {
        using var image = Render(scene);
        return image.JpegsaveBuffer(q: quality, keep: Enums.ForeignKeep.None);
    }

    private static Image Channel(Image t, byte top, byte bottom) => t.Linear([bottom - top], [top]);

    private static void Draw(MutableImage canvas, SceneObject obj)
    {
        switch (obj.Shape)
        {
            case ObjectShape.Ball:
            case ObjectShape.Sun:
                canvas.DrawCircle(obj.Colour.Ink, obj.X, obj.Y, obj.Size / 2, fill: true);
                break;
            case ObjectShape.Box:
                canvas.DrawRect(obj.Colour.Ink, obj.X - (obj.Size / 2), obj.Y - (obj.Size / 2), obj.Size, obj.Size, fill: true);
                break;
            default:
                canvas.DrawRect(obj.Colour.Ink, obj.X - (obj.Size / 6), obj.Y - obj.Size, obj.Size / 3, obj.Size, fill: true);
                break;
        }
    }

    private static Image WithCaption(Image image, string caption)
    {
        using var text = Image.Text($"<b>{System.Security.SecurityElement.Escape(caption)}</b>", dpi: 180, width: image.Width - 40);
        using var scaled = text.Cast(Enums.BandFormat.Uchar);
        var x = Math.Max(0, (image.Width - scaled.Width) / 2);
        using (image)
        {
            return image.Mutate(canvas => canvas.DrawMask([255, 255, 255], scaled, x, 24));
        }
    }
}
