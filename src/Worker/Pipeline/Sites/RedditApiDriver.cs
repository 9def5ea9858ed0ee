using Crawler.Core.Domain;
using Crawler.Parsers;
using Crawler.Parsers.Reddit;
using Crawler.Worker.Sources;

namespace Crawler.Worker.Pipeline.Sites;

/// <summary>
/// Reddit's JSON API: listings newest first, hidden comments expanded through <c>/api/morechildren</c> when a
/// thread's page changed, deletions checked through <c>/api/info</c>, and the target of Reddit dumps.
/// </summary>
public sealed class RedditApiDriver(ListingWalk listings, RedditThreadExpander expander, RedditInfoLookup info) : SiteDriver
{
    public override string Name => RedditJsonParser.FormatName;

    public override ISiteAdapter Adapter(SourceOptions source) => new RedditJsonAdapter(source.Pairing);

    public override Task DiscoverAsync(SourceOptions source, ISiteAdapter adapter, string community, CancellationToken ct) =>
        listings.DiscoverAsync(source, adapter, community, ct);

    public override Task<ThreadExpansion> ReadBesideAsync(SourceOptions source, ThreadRef thread, Uri pageUrl, byte[] page, CancellationToken ct) =>
        expander.ExpandAsync(source, thread.Id, page, ct);

    public override IDeletionLookup Deletions => info;

    public override bool TakesDumps => true;
}
