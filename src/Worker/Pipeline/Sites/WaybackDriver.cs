using Crawler.Core.Domain;
using Crawler.Parsers;
using Crawler.Parsers.Wayback;
using Crawler.Worker.Sources;

namespace Crawler.Worker.Pipeline.Sites;

/// <summary>
/// A site that is gone (zhopped.com), read from the Wayback Machine: its thread pages listed by the CDX API, each
/// thread read raw from the capture listed, its images from their captures nearest that one. What an archive
/// holds does not change, so a capture is read once; archive.org's robots and rate limits hold as for any host.
/// </summary>
public sealed class WaybackDriver(WaybackDiscovery discovery, LaterPages laterPages, SiteFiles sites) : SiteDriver
{
    public override string Name => "wayback";

    public override ISiteAdapter Adapter(SourceOptions source) => new WaybackAdapter(sites.For(source), source.BaseUri, source.Pairing);

    public override Task DiscoverAsync(SourceOptions source, ISiteAdapter adapter, string community, CancellationToken ct) =>
        discovery.DiscoverAsync(source, (WaybackAdapter)adapter, community, ct);

    public override Task<ThreadExpansion> ReadBesideAsync(SourceOptions source, ThreadRef thread, Uri pageUrl, byte[] page, CancellationToken ct) =>
        laterPages.ReadAsync(source, Adapter(source).Parser, pageUrl, page, ct);

    public override IEnumerable<string> Problems(SourceOptions source) => sites.Problems(source);
}
