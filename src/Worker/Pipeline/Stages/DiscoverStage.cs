using Crawler.Worker.Catalog.Work;
using Crawler.Worker.Catalog.Stores;
using Crawler.Fetching;
using Crawler.Worker.Sources;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Pipeline.Stages;

/// <summary>
/// Reads a source's listings and adds the threads it has not seen to the frontier: newest first for a site's
/// own listings, oldest first from a cursor for an archive. Keyed by source name; each run schedules the next one.
/// </summary>
public sealed class DiscoverStage(
    IOptionsMonitor<SourcesOptions> sources,
    SourceFetcher fetcher,
    DiscoveredThreads discovered,
    SourceStore sourceStore,
    ArchiveDiscovery archive,
    WorkQueue queue,
    TimeProvider time) : ItemStageHandler
{
    public override string Stage => StageNames.Discover;

    public override int BatchSize => 1;

    public override async Task RecordGiveUpAsync(WorkItem item, string reason, CancellationToken ct)
    {
        if (Find(item.ItemKey) is { } source)
        {
            await sourceStore.RecordDiscoveryAsync(source.Name, SiteAdapters.For(source).Site, reason, ct);
            await ScheduleNextAsync(source, ct);
        }
    }

    protected override async Task<StageOutcome> HandleItemAsync(WorkItem item, CancellationToken ct)
    {
        if (Find(item.ItemKey) is not { Enabled: true } source)
        {
            return StageOutcome.Done; // removed or disabled in config: nothing to discover any more
        }
        var adapter = SiteAdapters.For(source);
        try
        {
            foreach (var community in source.Communities)
            {
                await (SiteAdapters.IsArcticShift(source)
                    ? archive.DiscoverAsync(source, adapter, community, ct)
                    : DiscoverCommunityAsync(source, adapter, community, ct));
            }
        }
        catch (FetchException e)
        {
            return FetchFailures.Outcome(e);
        }
        catch (Parsers.PageFormatException e)
        {
            return StageOutcome.Failed($"listing could not be parsed: {e.Message}");
        }
        await sourceStore.RecordDiscoveryAsync(source.Name, adapter.Site, null, ct);
        await ScheduleNextAsync(source, ct);
        return StageOutcome.Done;
    }

    /// <summary>Reads the newest pages, then every page an earlier pass was cut short of.</summary>
    private async Task DiscoverCommunityAsync(SourceOptions source, Parsers.ISiteAdapter adapter, string community, CancellationToken ct)
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
    private async Task WalkAsync(SourceOptions source, Parsers.ISiteAdapter adapter, string community, string? from, CancellationToken ct)
    {
        var at = from;
        for (var page = 0; page < source.ListingPages; page++)
        {
            var url = adapter.ListingUrl(source.BaseUri, community, at);
            Core.Domain.ParsedPage listing;
            try
            {
                var response = await fetcher.GetAsync(source, url, ct);
                listing = adapter.Parser.Parse(response.Body, url);
            }
            catch (Exception e) when (at is not null && e is Parsers.PageFormatException or FetchException { Transient: false })
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

    private Task ScheduleNextAsync(SourceOptions source, CancellationToken ct) =>
        queue.EnqueueAsync(StageNames.Discover, [(source.Name, "")], time.GetUtcNow().AddMinutes(source.DiscoverIntervalMinutes), ct);

    private SourceOptions? Find(string name) => sources.CurrentValue.Items.FirstOrDefault(s => s.Name == name);
}
