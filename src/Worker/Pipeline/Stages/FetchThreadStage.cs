using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Fetching;
using Crawler.Worker.Sources;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Pipeline.Stages;

/// <summary>
/// Fetches a thread's page (conditionally once seen), keeps the raw bytes, and schedules the next visit
/// on a decaying schedule while the thread is young: edits keep arriving for days.
/// </summary>
public sealed class FetchThreadStage(
    IOptionsMonitor<SourcesOptions> sources,
    IFetcher fetcher,
    FrontierStore frontier,
    RawPageStore rawPages,
    WorkQueue queue,
    TimeProvider time) : ItemStageHandler
{
    private static readonly TimeSpan FirstRevisit = TimeSpan.FromHours(1);

    public override string Stage => StageNames.FetchThread;

    public override int BatchSize => 4;

    public override Task RecordGiveUpAsync(WorkItem item, string reason, CancellationToken ct)
    {
        var (site, threadId) = ThreadKey.Parse(item.ItemKey);
        return frontier.RecordFailureAsync(site, threadId, reason, ct);
    }

    protected override async Task<StageOutcome> HandleItemAsync(WorkItem item, CancellationToken ct)
    {
        var (site, threadId) = ThreadKey.Parse(item.ItemKey);
        if (await frontier.GetAsync(site, threadId, ct) is not { } entry)
        {
            return StageOutcome.Failed("thread is not in the frontier");
        }
        var source = sources.CurrentValue.Get(entry.Source);
        FetchResponse response;
        try
        {
            response = await fetcher.FetchAsync(new FetchRequest(new Uri(entry.Url), FetchKind.Page, source.Name, entry.Etag, entry.LastModified), ct);
        }
        catch (FetchException e)
        {
            return e.Transient ? StageOutcome.Transient(e.Message) : StageOutcome.Failed(e.Message);
        }
        var changed = !response.NotModified && await rawPages.PutAsync(site, threadId, response.Body, response.ContentType, ct);
        await frontier.RecordFetchAsync(site, threadId, changed, response.ETag, response.LastModified, ct);
        if (changed)
        {
            await queue.EnqueueAsync(StageNames.Parse, [(item.ItemKey, item.SortKey)], ct: ct);
        }
        await ScheduleRevisitAsync(item, entry, source, ct);
        return StageOutcome.Done;
    }

    /// <summary>Revisits after 1 h, 2 h, 4 h, ... until the window since first sight closes.</summary>
    private async Task ScheduleRevisitAsync(WorkItem item, FrontierEntry entry, SourceOptions source, CancellationToken ct)
    {
        var due = time.GetUtcNow() + (FirstRevisit * Math.Pow(2, Math.Min(entry.Fetches, 10)));
        var windowEnd = DateTimeOffset.FromUnixTimeMilliseconds(entry.FirstSeen).AddHours(source.RevisitWindowHours);
        if (due < windowEnd)
        {
            await queue.EnqueueAsync(StageNames.FetchThread, [(item.ItemKey, item.SortKey)], due, ct);
        }
    }
}
