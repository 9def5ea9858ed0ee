using Crawler.Core.Domain;
using Crawler.Worker.Catalog.Work;
using Crawler.Worker.Catalog.Stores;
using Crawler.Fetching;
using Crawler.Worker.Pipeline.Sites;
using Crawler.Worker.Sources;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Pipeline.Stages;

/// <summary>
/// Fetches a thread's page (conditionally once seen) and what its site reads beside it (hidden comments, comment
/// pages, later pages), keeps only the latest raw version, and schedules the next visit
/// on a decaying schedule while the thread is young (edits keep arriving for days). When its window closes, the thread moves to the slower
/// deletion sweep; a thread that answers 404 on a revisit is recorded as deleted.
/// </summary>
public sealed class FetchThreadStage(
    IOptionsMonitor<SourcesOptions> sources,
    SourceFetcher fetcher,
    SiteDrivers drivers,
    FrontierStore frontier,
    RawPageStore rawPages,
    DeletionPurger deletions,
    LayoutWatch layouts,
    WorkQueue queue,
    TimeProvider time) : ItemStageHandler
{
    public override string Stage => StageNames.FetchThread;

    public override int BatchSize => 4;

    public override Task RecordGiveUpAsync(WorkItem item, string reason, CancellationToken ct)
    {
        var thread = ThreadRef.Parse(item.ItemKey);
        return frontier.RecordFailureAsync(thread, reason, ct);
    }

    protected override async Task<StageOutcome> HandleItemAsync(WorkItem item, CancellationToken ct)
    {
        var thread = ThreadRef.Parse(item.ItemKey);
        if (await frontier.GetAsync(thread, ct) is not { } entry)
        {
            return StageOutcome.Failed("thread is not in the frontier");
        }
        var source = sources.CurrentValue.Get(entry.Source);
        if (await layouts.PausedAsync(source, ct) is { } paused)
        {
            // Fetched now, the page would only fail to parse; it waits for the restart that lifts the pause.
            return StageOutcome.Defer(TimeSpan.FromMinutes(source.DiscoverIntervalMinutes), $"source paused: {paused}");
        }
        FetchResponse response;
        try
        {
            response = await fetcher.GetAsync(source, new Uri(entry.Url), ct, entry.Etag, entry.LastModified);
        }
        catch (FetchException e) when (e.StatusCode == 404 && entry.Fetches > 0)
        {
            // A thread fetched before that now does not exist was deleted (spam-purged threads vanish rather than show [removed]).
            await deletions.ThreadGoneAsync(thread, "fetch", ct);
            await frontier.RecordFailureAsync(thread, $"gone at the source: {e.Message}", ct);
            return StageOutcome.Done;
        }
        catch (FetchException e)
        {
            return FetchFailures.Outcome(e);
        }
        var driver = drivers.For(source);
        var stored = await StoreAsync(source, driver, thread, new Uri(entry.Url), response, ct);
        if (stored.Failure is { } failure)
        {
            return failure;
        }
        await frontier.RecordFetchAsync(thread, stored.Changed, response.ETag, response.LastModified, ct, stored.Note);
        // Checked rather than inferred from this fetch, so a fetch killed before queueing its parse is repaired on retry.
        if (await rawPages.NeedsParseAsync(thread, ct))
        {
            await queue.EnqueueAsync(StageNames.Parse, [(item.ItemKey, item.SortKey)], ct: ct);
        }
        await ScheduleNextAsync(item, entry, source, driver, ct);
        return StageOutcome.Done;
    }

    /// <summary>
    /// Stores the page with what its site reads beside it. A page unchanged by its bytes is not worth reading
    /// beside, unless what is beside changes alone (an archive's comments, a forum's later pages).
    /// </summary>
    private async Task<Stored> StoreAsync(SourceOptions source, SiteDriver driver, ThreadRef thread, Uri url, FetchResponse response, CancellationToken ct)
    {
        var page = response.Body;
        if (response.NotModified || await rawPages.IsStoredAsync(thread, page, [], ct))
        {
            if (!driver.BesideChangesAlone)
            {
                return new Stored(false, null, null);
            }
            page = response.NotModified && await rawPages.GetAsync(thread, ct) is { } stored ? stored.Body : page;
        }
        ThreadExpansion beside;
        try
        {
            beside = await driver.ReadBesideAsync(source, thread, url, page, ct);
        }
        catch (FetchException e)
        {
            return new Stored(false, null, FetchFailures.Outcome(e));
        }
        if (driver.BesideChangesAlone && await rawPages.IsStoredAsync(thread, page, beside.Answers, ct))
        {
            return new Stored(false, beside.StoppedReason, null);
        }
        await rawPages.PutAsync(thread, page, response.ContentType, beside.Answers, ct);
        return new Stored(true, beside.StoppedReason, null);
    }

    /// <summary>
    /// Revisits after 1 h, 2 h, 4 h, ... (from the source's first interval) until the window since first sight (for
    /// an archive, since posting) closes.
    /// </summary>
    private async Task ScheduleNextAsync(WorkItem item, FrontierEntry entry, SourceOptions source, SiteDriver driver, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var due = now + (TimeSpan.FromMinutes(source.FirstRevisitMinutes) * Math.Pow(2, Math.Min(entry.Fetches, 16)));
        var windowStart = DateTimeOffset.FromUnixTimeMilliseconds(entry.FirstSeen);
        if (driver.RevisitsFromPosting && SortKeys.TimeOf(item.SortKey) is { } posted && posted < windowStart.ToUnixTimeSeconds())
        {
            windowStart = DateTimeOffset.FromUnixTimeSeconds(posted);
        }
        var windowEnd = windowStart.AddHours(source.RevisitWindowHours);
        if (due < windowEnd)
        {
            await queue.EnqueueAsync(StageNames.FetchThread, [(item.ItemKey, item.SortKey)], due, ct);
        }
        else
        {
            await queue.EnqueueIfAbsentAsync(StageNames.DeletionSweep, [(item.ItemKey, item.SortKey)], now.AddHours(source.DeletionSweepHours), ct);
        }
    }

    /// <param name="Failure">Why the thread could not be read whole; the fetch is not recorded then.</param>
    private sealed record Stored(bool Changed, string? Note, StageOutcome? Failure);
}
