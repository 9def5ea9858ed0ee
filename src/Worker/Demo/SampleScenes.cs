namespace Crawler.Worker.Demo;

/// <summary>Deterministic random scenes: the same seed always draws the same picture.</summary>
internal static class SampleScenes
{
    private static readonly (Rgb Colour, string Name)[] Palette =
    [
        (new Rgb(210, 40, 40), "red"),
        (new Rgb(240, 140, 30), "orange"),
        (new Rgb(245, 245, 245), "white"),
        (new Rgb(30, 30, 30), "black"),
        (new Rgb(200, 80, 160), "pink"),
        (new Rgb(120, 80, 40), "brown"),
    ];

    private static readonly (Rgb Top, Rgb Bottom)[] Skies =
    [
        (new Rgb(60, 120, 220), new Rgb(170, 210, 250)),
        (new Rgb(90, 150, 230), new Rgb(220, 235, 250)),
        (new Rgb(140, 160, 180), new Rgb(210, 215, 220)),
        (new Rgb(30, 60, 140), new Rgb(120, 170, 230)),
        (new Rgb(200, 205, 215), new Rgb(245, 245, 248)),
        (new Rgb(70, 100, 160), new Rgb(230, 190, 150)),
    ];

    private static readonly Rgb[] Grounds = [new(70, 140, 60), new(190, 170, 120), new(110, 110, 115), new(90, 120, 70), new(150, 110, 70), new(40, 70, 40), new(200, 200, 190)];

    /// <summary>The scene of request <paramref name="index"/>; the first 42 requests each get their own sky and ground.</summary>
    public static Scene Create(Random random, int index)
    {
        var sky = Skies[index % Skies.Length];
        var shapes = new[] { ObjectShape.Ball, ObjectShape.Box, ObjectShape.Tower }.OrderBy(_ => random.Next()).ToArray();
        var colours = Palette.OrderBy(_ => random.Next()).Take(3).ToArray();
        // The horizon moves from photo to photo: without that, every demo photo shares one layout and
        // different requests would look like reposts of each other.
        var horizon = random.Next(190, 340);
        var objects = new List<SceneObject>();
        for (var i = 0; i < 3; i++)
        {
            // One object per third of the picture, standing on the ground, so none hides another.
            var x = (640 / 6) + (i * 640 / 3) + random.Next(-30, 31);
            var size = random.Next(80, 160);
            var y = shapes[i] == ObjectShape.Tower ? horizon + random.Next(60, 130) : horizon + random.Next(10, 80);
            objects.Add(new SceneObject(shapes[i], x, y, size, colours[i].Colour, colours[i].Name));
        }
        objects.Add(new SceneObject(ObjectShape.Sun, random.Next(80, 560), random.Next(40, Math.Max(60, horizon - 80)), random.Next(40, 70), new Rgb(255, 230, 120), "yellow"));
        return new Scene(1000 + index, sky.Top, sky.Bottom, Grounds[index / Skies.Length % Grounds.Length], objects, HorizonY: horizon);
    }

    /// <summary>A picture that is not an edit of anything: a bold checkerboard meme.</summary>
    public static Scene Meme(int noiseSeed)
    {
        var squares = new List<SceneObject>();
        for (var row = 0; row < 6; row++)
        {
            for (var col = 0; col < 8; col++)
            {
                if ((row + col) % 2 == 0)
                {
                    squares.Add(new SceneObject(ObjectShape.Box, (col * 80) + 40, (row * 80) + 40, 80, new Rgb(250, 250, 250), "white"));
                }
            }
        }
        return new Scene(noiseSeed, new Rgb(10, 10, 10), new Rgb(10, 10, 10), new Rgb(10, 10, 10), squares, "LOL");
    }
}
