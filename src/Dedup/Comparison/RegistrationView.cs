namespace Crawler.Dedup.Comparison;

/// <summary>One image at one size, tilt and orientation: its edge map, which registration aligns, and its colours, compared once aligned.</summary>
internal sealed class RegistrationView(EdgeMap edges, Func<ColourMap> colours)
{
    private readonly Lazy<ColourMap> _colours = new(colours);

    public EdgeMap Edges => edges;

    /// <summary>Made on first use: of all the views registration tries, only the best alignment's are compared in colour.</summary>
    public ColourMap Colours => _colours.Value;
}
