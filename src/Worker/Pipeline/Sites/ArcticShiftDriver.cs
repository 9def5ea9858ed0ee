using Crawler.Core.Domain;
using Crawler.Parsers;
using Crawler.Parsers.Reddit.ArcticShift;
using Crawler.Worker.Sources;

namespace Crawler.Worker.Pipeline.Sites;

/// <summary>
/// The Arctic Shift archive of Reddit: listed oldest first from a cursor, a post's comments read beside it on
/// every visit, deletions checked through its ids endpoints. Its pages keep what was deleted after archiving.
/// </summary>
public sealed class ArcticShiftDriver(ArchiveDiscovery discovery, ArchiveComments comments, ArchiveIdsLookup ids) : SiteDriver
{
    public override string Name => ArcticShiftParser.FormatName;

    public override ISiteAdapter Adapter(SourceOptions source) => new ArcticShiftAdapter(source.Pairing);

    public override Task DiscoverAsync(SourceOptions source, ISiteAdapter adapter, string community, CancellationToken ct) =>
        discovery.DiscoverAsync(source, adapter, community, ct);

    public override Task<ThreadExpansion> ReadBesideAsync(SourceOptions source, ThreadRef thread, Uri pageUrl, byte[] page, CancellationToken ct) =>
        comments.ReadAsync(source, thread.Id, ct);

    public override bool BesideChangesAlone => true;

    public override IDeletionLookup Deletions => ids;

    public override bool PagesKeepDeletedText => true;

    // The archive re-reads a post and its comments once, about 36 h after posting: an older post found late (a
    // first pass reaching back weeks) is read once, not revisited for days.
    public override bool RevisitsFromPosting => true;
}
