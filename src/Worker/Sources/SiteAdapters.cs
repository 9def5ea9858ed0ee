using Crawler.Parsers;
using Crawler.Parsers.Reddit;
using Crawler.Parsers.Reddit.ArcticShift;

namespace Crawler.Worker.Sources;

/// <summary>Creates the site adapter a source names.</summary>
public static class SiteAdapters
{
    public static IReadOnlyList<string> Names { get; } = [ArcticShiftParser.FormatName, RedditJsonParser.FormatName];

    public static ISiteAdapter For(SourceOptions source) => source.Adapter switch
    {
        ArcticShiftParser.FormatName => new ArcticShiftAdapter(source.Pairing),
        RedditJsonParser.FormatName => new RedditJsonAdapter(source.Pairing),
        _ => throw new ArgumentException($"Unknown adapter '{source.Adapter}'. Known: {string.Join(", ", Names)}."),
    };

    /// <summary>
    /// Whether the source is Reddit's JSON API, whose hidden replies expand through <c>/api/morechildren</c> and
    /// whose deletions are checked through <c>/api/info</c>.
    /// </summary>
    public static bool IsRedditApi(SourceOptions source) => source.Adapter == RedditJsonParser.FormatName;

    /// <summary>Whether the source is the Arctic Shift archive, listed by time from a cursor and read comments and all.</summary>
    public static bool IsArcticShift(SourceOptions source) => source.Adapter == ArcticShiftParser.FormatName;

    /// <summary>The adapter for a site name, for work that knows only the site (provenance URLs at export).</summary>
    public static ISiteAdapter ForSite(string site) => site switch
    {
        RedditSite.Name => new RedditJsonAdapter(new RedditPairingOptions()),
        _ => throw new ArgumentException($"Unknown site '{site}'."),
    };
}
