using Crawler.Core.Domain;
using Crawler.Parsers;
using Crawler.Parsers.Forums;
using Crawler.Worker.Sources;

namespace Crawler.Worker.Pipeline.Sites;

/// <summary>
/// Any forum a site file describes (XenForo, vBulletin, ...): boards listed newest activity first through their
/// pager, a thread's later pages read beside its first on every visit (edits arrive on the last page, which the
/// first does not show changing). Forums have no deletion lookup: a thread gone answers 404 on its revisit.
/// </summary>
public sealed class ForumDriver(ListingWalk listings, LaterPages laterPages, SiteFiles sites) : SiteDriver
{
    public override string Name => "forum";

    public override ISiteAdapter Adapter(SourceOptions source) => new ForumAdapter(sites.For(source), source.Pairing);

    public override Task DiscoverAsync(SourceOptions source, ISiteAdapter adapter, string community, CancellationToken ct) =>
        listings.DiscoverAsync(source, adapter, community, ct);

    public override Task<ThreadExpansion> ReadBesideAsync(SourceOptions source, ThreadRef thread, Uri pageUrl, byte[] page, CancellationToken ct) =>
        laterPages.ReadAsync(source, Adapter(source).Parser, pageUrl, page, ct);

    public override bool BesideChangesAlone => true;

    public override IEnumerable<string> Problems(SourceOptions source) => sites.Problems(source);
}
