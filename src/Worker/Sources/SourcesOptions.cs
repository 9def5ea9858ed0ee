namespace Crawler.Worker.Sources;

/// <summary>The configured sources; bound from the <c>Sources</c> array.</summary>
public sealed class SourcesOptions
{
    public const string Section = "Sources";

    public List<SourceOptions> Items { get; set; } = [];

    public SourceOptions Get(string name) =>
        Items.FirstOrDefault(s => s.Name == name) ?? throw new KeyNotFoundException($"No source named '{name}' is configured.");
}
