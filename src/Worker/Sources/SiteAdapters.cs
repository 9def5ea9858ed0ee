using Crawler.Parsers;
using Crawler.Parsers.Reddit;

namespace Crawler.Worker.Sources;

/// <summary>Creates the site adapter a source names.</summary>
public static class SiteAdapters
{
    public static IReadOnlyList<string> Names { get; } = [RedditJsonParser.FormatName];

    public static ISiteAdapter For(SourceOptions source) => source.Adapter switch
    {
        RedditJsonParser.FormatName => new RedditJsonAdapter(source.Pairing),
        _ => throw new ArgumentException($"Unknown adapter '{source.Adapter}'. Known: {string.Join(", ", Names)}."),
    };

    /// <summary>The adapter for a site name, for work that knows only the site (provenance URLs at export).</summary>
    public static ISiteAdapter ForSite(string site) => site switch
    {
        RedditSite.Name => new RedditJsonAdapter(new RedditPairingOptions()),
        _ => throw new ArgumentException($"Unknown site '{site}'."),
    };
}
