using Crawler.Fetching;
using Crawler.Parsers;
using Crawler.Parsers.Wayback;
using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Sources;

namespace Crawler.Worker.Pipeline.Sites;

/// <summary>
/// Lists an archived site's thread pages through the CDX API, a page of captures at a time. The resume key of the
/// page after each one is kept in the catalog before that page's own is dropped, so a pass cut short (a 429, a
/// crash) goes on at the page it did not read; a pass that reaches the end starts from the top next time, and
/// finds only captures of threads not seen before.
/// </summary>
public sealed class WaybackDiscovery(SourceFetcher fetcher, DiscoveredThreads discovered, SourceStore sourceStore)
{
    public async Task DiscoverAsync(SourceOptions source, WaybackAdapter adapter, string community, CancellationToken ct)
    {
        var pending = await sourceStore.PendingCursorsAsync(source.Name, community, ct);
        var at = pending.Count > 0 ? pending[0] : null;
        for (var page = 0; page < source.ListingPages; page++)
        {
            var url = adapter.ListingUrl(source.BaseUri, community, at);
            CdxPage captures;
            try
            {
                captures = CdxPage.Parse((await fetcher.GetAsync(source, url, ct)).Body);
            }
            catch (Exception e) when (at is not null && e is PageFormatException or FetchException { Transient: false })
            {
                // A resume key the archive no longer takes would fail every later pass; the source records why.
                await sourceStore.RemoveCursorAsync(source.Name, community, at, ct);
                throw;
            }
            var threads = adapter.Threads(captures, community, source.BaseUri);
            await discovered.AdmitAsync(source, adapter, community, threads, ct, t => new Uri(t.Url!));
            if (captures.ResumeKey is { } next)
            {
                await sourceStore.AddCursorAsync(source.Name, community, next, ct);
            }
            if (at is not null)
            {
                await sourceStore.RemoveCursorAsync(source.Name, community, at, ct);
            }
            if (captures.ResumeKey is null)
            {
                return;
            }
            at = captures.ResumeKey;
        }
    }
}
