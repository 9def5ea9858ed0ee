using Crawler.Core.Domain;
using Crawler.Fetching;
using Crawler.Parsers;
using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Sources;

namespace Crawler.Worker.Pipeline.Sites;

/// <summary>
/// Discovers a community through the site's own listing, newest first: the newest pages, then every page an
/// earlier pass was cut short of.
/// </summary>
public sealed class ListingWalk(SourceFetcher fetcher, DiscoveredThreads discovered, SourceStore sourceStore)
{
    public async Task DiscoverAsync(SourceOptions source, ISiteAdapter adapter, string community, CancellationToken ct)
    {
        await WalkAsync(source, adapter, community, null, ct);
        foreach (var cursor in await sourceStore.PendingCursorsAsync(source.Name, community, ct))
        {
            await WalkAsync(source, adapter, community, cursor, ct);
        }
    }

    /// <summary>
    /// Reads listing pages from <paramref name="from"/> (null: the newest) until a page of known threads, the end
    /// of the listing or the page limit. The cursor of the page after each one is kept in the catalog before that
    /// page's own is dropped, so a pass cut short (a 429, a crash) resumes at the page it did not read, instead
    /// of stopping next time at the first page, which it now knows.
    /// </summary>
    private async Task WalkAsync(SourceOptions source, ISiteAdapter adapter, string community, string? from, CancellationToken ct)
    {
        var at = from;
        for (var page = 0; page < source.ListingPages; page++)
        {
            var url = adapter.ListingUrl(source.BaseUri, community, at);
            ParsedPage listing;
            try
            {
                var response = await fetcher.GetAsync(source, url, ct);
                listing = adapter.Parser.Parse(response.Body, url);
            }
            catch (Exception e) when (at is not null && e is PageFormatException or FetchException { Transient: false })
            {
                // The page's threads and the way past it are lost either way; the source records why. Kept, the
                // cursor would fail every later pass.
                await sourceStore.RemoveCursorAsync(source.Name, community, at, ct);
                throw;
            }
            var added = await discovered.AdmitAsync(source, adapter, community, listing.Threads, ct);
            // A page of threads we all know means the rest of the listing is older and known too.
            var goOn = listing.Next is not null && !(added == 0 && listing.Threads.Count > 0) && page + 1 < source.ListingPages;
            if (goOn)
            {
                await sourceStore.AddCursorAsync(source.Name, community, listing.Next!, ct);
            }
            if (at is not null)
            {
                await sourceStore.RemoveCursorAsync(source.Name, community, at, ct);
            }
            if (!goOn)
            {
                return;
            }
            at = listing.Next;
        }
    }
}
