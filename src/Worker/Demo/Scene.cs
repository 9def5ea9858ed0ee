namespace Crawler.Worker.Demo;

/// <summary>A drawable scene of the demo site: a sky, the ground, some objects and perhaps a caption.</summary>
internal sealed record Scene(
    int NoiseSeed,
    Rgb SkyTop,
    Rgb SkyBottom,
    Rgb Ground,
    IReadOnlyList<SceneObject> Objects,
    string? Caption = null,
    int Width = 640,
    int Height = 480,
    int? HorizonY = null)
{
    public int Horizon => HorizonY ?? Height * 3 / 5;
}

/// <summary>One object in a scene, named the way a requester would name it ("the red ball").</summary>
internal sealed record SceneObject(ObjectShape Shape, int X, int Y, int Size, Rgb Colour, string ColourName)
{
    public string Noun => Shape switch
    {
        ObjectShape.Ball => "ball",
        ObjectShape.Box => "box",
        ObjectShape.Sun => "sun",
        _ => "tower",
    };
}

internal enum ObjectShape
{
    Ball,
    Box,
    Sun,
    Tower,
}

internal readonly record struct Rgb(byte R, byte G, byte B)
{
    public double[] Ink => [R, G, B];
}
