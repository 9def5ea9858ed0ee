using Crawler.Parsers.Forums;
using Crawler.Worker.Catalog.Work;
using Crawler.Worker.Catalog.Stores;
using Crawler.Fetching;
using Crawler.Worker.Pipeline.Sites;
using Crawler.Worker.Sources;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Pipeline.Stages;

/// <summary>
/// Has a source's site driver add the threads of each community it has not seen to the frontier. Keyed by
/// source name; each run schedules the next one.
/// </summary>
public sealed class DiscoverStage(
    IOptionsMonitor<SourcesOptions> sources,
    SiteDrivers drivers,
    SourceStore sourceStore,
    LayoutWatch layouts,
    WorkQueue queue,
    TimeProvider time) : ItemStageHandler
{
    public override string Stage => StageNames.Discover;

    public override int BatchSize => 1;

    public override async Task RecordGiveUpAsync(WorkItem item, string reason, CancellationToken ct)
    {
        if (Find(item.ItemKey) is { } source)
        {
            await sourceStore.RecordDiscoveryAsync(source.Name, drivers.AdapterFor(source).Site, reason, ct);
            await ScheduleNextAsync(source, ct);
        }
    }

    protected override async Task<StageOutcome> HandleItemAsync(WorkItem item, CancellationToken ct)
    {
        if (Find(item.ItemKey) is not { Enabled: true } source)
        {
            return StageOutcome.Done; // removed or disabled in config: nothing to discover any more
        }
        var driver = drivers.For(source);
        var adapter = driver.Adapter(source);
        if (await layouts.PausedAsync(source, ct) is { } paused)
        {
            await sourceStore.RecordDiscoveryAsync(source.Name, adapter.Site, $"paused: {paused}", ct);
            await ScheduleNextAsync(source, ct);
            return StageOutcome.Done;
        }
        try
        {
            foreach (var community in source.Communities)
            {
                await driver.DiscoverAsync(source, adapter, community, ct);
            }
        }
        catch (FetchException e)
        {
            return FetchFailures.Outcome(e);
        }
        catch (Parsers.PageFormatException e)
        {
            if (e is LayoutChangedException changed)
            {
                await layouts.FailedAsync(source, changed, ct);
            }
            return StageOutcome.Failed($"listing could not be parsed: {e.Message}");
        }
        await layouts.MatchedAsync(source, ct);
        await sourceStore.RecordDiscoveryAsync(source.Name, adapter.Site, null, ct);
        await ScheduleNextAsync(source, ct);
        return StageOutcome.Done;
    }

    private Task ScheduleNextAsync(SourceOptions source, CancellationToken ct) =>
        queue.EnqueueAsync(StageNames.Discover, [(source.Name, "")], time.GetUtcNow().AddMinutes(source.DiscoverIntervalMinutes), ct);

    private SourceOptions? Find(string name) => sources.CurrentValue.Items.FirstOrDefault(s => s.Name == name);
}
