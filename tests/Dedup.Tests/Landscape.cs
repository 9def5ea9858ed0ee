using NetVips;

namespace Crawler.Dedup.Tests;

/// <summary>
/// One composition drawn in different colours, as a template site or a photographer's series produces: a sky
/// gradient over the ground at a fixed horizon, a tower, a ball and a box standing where they always stand
/// (or mirrored left to right), lightly textured. Different colourings are different pictures of one layout.
/// </summary>
/// <param name="Ground">RGB of the ground.</param>
/// <param name="Tower">RGB of the tower (left third).</param>
/// <param name="Ball">RGB of the ball (middle).</param>
/// <param name="Box">RGB of the box (right third).</param>
internal sealed record Landscape(double[] Ground, double[] Tower, double[] Ball, double[] Box, bool Mirrored = false)
{
    private const int Width = 640;
    private const int Height = 480;
    private const int Horizon = 258;

    public Image Render(int seed = 7)
    {
        using var y = Image.Xyz(Width, Height)[1];
        using var t = y / (double)Height;
        using var sky = t.Linear([130.0, 85.0, 20.0], [90.0, 150.0, 230.0]);
        using var noise = Image.Gaussnoise(Width, Height, sigma: 7, mean: 0, seed: seed);
        using var textured = (sky + noise).Cast(Enums.BandFormat.Uchar);
        using var srgb = textured.Copy(interpretation: Enums.Interpretation.Srgb);
        int X(int x) => Mirrored ? Width - x : x;
        return srgb.Mutate(canvas =>
        {
            canvas.DrawRect(Ground, 0, Horizon, Width, Height - Horizon, fill: true);
            canvas.DrawRect(Tower, X(92) - 24, 240, 48, 145, fill: true);
            canvas.DrawCircle(Ball, X(336), 308, 78, fill: true);
            canvas.DrawRect(Box, X(513) - 76, 210, 152, 152, fill: true);
            canvas.DrawCircle([255.0, 230.0, 120.0], X(466), 44, 30, fill: true);
        });
    }
}
