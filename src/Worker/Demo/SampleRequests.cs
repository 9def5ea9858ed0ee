namespace Crawler.Worker.Demo;

/// <summary>What a demo requester asks for, worded the way people write on request sites, and the edit that answers it.</summary>
internal sealed record SampleRequest(string Title, string Body, Func<Scene, Scene> Edit)
{
    private static readonly (Rgb Colour, string Name)[] Recolours =
    [
        (new Rgb(40, 90, 210), "blue"),
        (new Rgb(250, 210, 40), "yellow"),
        (new Rgb(130, 50, 170), "purple"),
        (new Rgb(30, 160, 70), "green"),
    ];

    private static readonly string[] Captions = ["HAPPY BIRTHDAY", "BEST DAY EVER", "GO TEAM", "SUMMER 2025"];

    /// <summary>One of four request types, chosen by <paramref name="type"/>, about objects of <paramref name="scene"/>.</summary>
    public static SampleRequest For(int type, Scene scene, int variant)
    {
        var first = scene.Objects[0];
        var second = scene.Objects[1];
        switch (type % 4)
        {
            case 0:
                return new SampleRequest(
                    $"[Paid] Remove the {first.ColourName} {first.Noun} please",
                    $"Hi all! Can someone please remove the {first.ColourName} {first.Noun} on the {Side(scene, first)}? Will tip $5, thanks in advance!!",
                    s => s with { Objects = s.Objects.Skip(1).ToList() });
            case 1:
                var (colour, name) = Recolours[variant % Recolours.Length];
                return new SampleRequest(
                    $"Could anyone change the colour of the {second.Noun}?",
                    $"Could anyone make the {second.ColourName} {second.Noun} {name} instead? 🙏 Thank you u/helper!",
                    s => s with { Objects = s.Objects.Select((o, i) => i == 1 ? o with { Colour = colour, ColourName = name } : o).ToList() });
            case 2:
                return new SampleRequest(
                    "[Free] Sunset sky for my holiday pic",
                    "Please replace the sky with a sunset. It was so grey that day :( Thanks so much!",
                    s => s with { SkyTop = new Rgb(120, 40, 110), SkyBottom = new Rgb(250, 150, 60) });
            default:
                var caption = Captions[variant % Captions.Length];
                return new SampleRequest(
                    $"Add some text to this photo?",
                    $"Hey! I'd like someone to add the words {caption} at the top of my photo. Paying $3 via paypal.",
                    s => s with { Caption = caption });
        }
    }

    private static string Side(Scene scene, SceneObject obj) =>
        obj.X < scene.Width / 3 ? "left" : obj.X > scene.Width * 2 / 3 ? "right" : "middle";
}
