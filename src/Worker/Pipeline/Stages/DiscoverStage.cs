using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Fetching;
using Crawler.Worker.Sources;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Pipeline.Stages;

/// <summary>
/// Reads a source's listings and adds the threads it has not seen to the frontier. Keyed by source name;
/// each run schedules the next one.
/// </summary>
public sealed class DiscoverStage(
    IOptionsMonitor<SourcesOptions> sources,
    SourceFetcher fetcher,
    FrontierStore frontier,
    SourceStore sourceStore,
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
                await DiscoverCommunityAsync(source, adapter, community, ct);
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

    private async Task DiscoverCommunityAsync(SourceOptions source, Parsers.ISiteAdapter adapter, string community, CancellationToken ct)
    {
        string? next = null;
        for (var page = 0; page < source.ListingPages; page++)
        {
            var url = adapter.ListingUrl(source.BaseUri, community, next);
            var response = await fetcher.GetAsync(source, url, ct);
            var listing = adapter.Parser.Parse(response.Body, url);
            var added = await frontier.AddDiscoveredAsync(listing.Threads.Select(t => new FrontierEntry
            {
                Site = adapter.Site,
                ThreadId = t.Id,
                Source = source.Name,
                Community = string.IsNullOrEmpty(t.Community) ? community : t.Community,
                Url = adapter.ThreadUrl(source.BaseUri, community, t.Id).AbsoluteUri,
            }), ct);
            var created = listing.Threads.ToDictionary(t => t.Id, t => t.CreatedUtc);
            await queue.EnqueueIfAbsentAsync(StageNames.FetchThread, added.Select(e => (e.Key, SortKeys.ByTime(created[e.ThreadId], e.Key))), ct);
            // A page of threads we all know means the rest of the listing is older and known too.
            if (listing.Next is null || (added.Count == 0 && listing.Threads.Count > 0))
            {
                break;
            }
            next = listing.Next;
        }
    }

    private Task ScheduleNextAsync(SourceOptions source, CancellationToken ct) =>
        queue.EnqueueAsync(StageNames.Discover, [(source.Name, "")], time.GetUtcNow().AddMinutes(source.DiscoverIntervalMinutes), ct);

    private SourceOptions? Find(string name) => sources.CurrentValue.Items.FirstOrDefault(s => s.Name == name);
}
