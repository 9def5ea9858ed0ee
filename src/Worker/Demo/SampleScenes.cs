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
    ];

    private static readonly Rgb[] Grounds = [new(70, 140, 60), new(190, 170, 120), new(110, 110, 115), new(90, 120, 70)];

    public static Scene Create(Random random, int noiseSeed)
    {
        var sky = Skies[random.Next(Skies.Length)];
        var shapes = new[] { ObjectShape.Ball, ObjectShape.Box, ObjectShape.Tower }.OrderBy(_ => random.Next()).ToArray();
        var colours = Palette.OrderBy(_ => random.Next()).Take(3).ToArray();
        var objects = new List<SceneObject>();
        for (var i = 0; i < 3; i++)
        {
            // One object per third of the picture, standing on the ground, so none hides another.
            var x = (640 / 6) + (i * 640 / 3) + random.Next(-30, 31);
            var size = random.Next(70, 120);
            var y = shapes[i] == ObjectShape.Tower ? 300 + random.Next(40, 100) : 300 + random.Next(0, 60);
            objects.Add(new SceneObject(shapes[i], x, y, size, colours[i].Colour, colours[i].Name));
        }
        objects.Add(new SceneObject(ObjectShape.Sun, random.Next(80, 560), random.Next(50, 110), random.Next(40, 70), new Rgb(255, 230, 120), "yellow"));
        return new Scene(noiseSeed, sky.Top, sky.Bottom, Grounds[random.Next(Grounds.Length)], objects);
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
