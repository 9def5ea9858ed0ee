using Crawler.Core.Domain;
using Crawler.Worker.Catalog.Work;
using Crawler.Worker.Catalog.Stores;
using Crawler.Fetching;
using Crawler.Worker.Sources;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Pipeline.Stages;

/// <summary>
/// Fetches a thread's page (conditionally once seen), expands Reddit's hidden comments within the source's
/// budget or reads an archive's comment pages, keeps only the latest raw version, and schedules the next visit
/// on a decaying schedule while the thread is young (edits keep arriving for days). When its window closes, the thread moves to the slower
/// deletion sweep; a thread that answers 404 on a revisit is recorded as deleted.
/// </summary>
public sealed class FetchThreadStage(
    IOptionsMonitor<SourcesOptions> sources,
    SourceFetcher fetcher,
    RedditThreadExpander expander,
    ArchiveComments archiveComments,
    FrontierStore frontier,
    RawPageStore rawPages,
    DeletionPurger deletions,
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
        var stored = SiteAdapters.IsArcticShift(source)
            ? await StoreWithCommentsAsync(source, thread, response, ct)
            : await StoreWithExpansionAsync(source, thread, response, ct);
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
        await ScheduleNextAsync(item, entry, source, ct);
        return StageOutcome.Done;
    }

    /// <summary>A Reddit page is new or changed by its bytes; only then are its hidden comments worth expanding.</summary>
    private async Task<Stored> StoreWithExpansionAsync(SourceOptions source, ThreadRef thread, FetchResponse response, CancellationToken ct)
    {
        if (response.NotModified || await rawPages.IsStoredAsync(thread, response.Body, [], ct))
        {
            return new Stored(false, null, null);
        }
        var expansion = SiteAdapters.IsRedditApi(source)
            ? await expander.ExpandAsync(source, thread.Id, response.Body, ct)
            : new ThreadExpansion([], null);
        await rawPages.PutAsync(thread, response.Body, response.ContentType, expansion.Answers, ct);
        return new Stored(true, expansion.StoppedReason, null);
    }

    /// <summary>An archived post stays the same while comments arrive beside it, so the comments are read on every visit.</summary>
    private async Task<Stored> StoreWithCommentsAsync(SourceOptions source, ThreadRef thread, FetchResponse response, CancellationToken ct)
    {
        ThreadExpansion comments;
        try
        {
            comments = await archiveComments.ReadAsync(source, thread.Id, ct);
        }
        catch (FetchException e)
        {
            return new Stored(false, null, FetchFailures.Outcome(e));
        }
        if (await rawPages.IsStoredAsync(thread, response.Body, comments.Answers, ct))
        {
            return new Stored(false, comments.StoppedReason, null);
        }
        await rawPages.PutAsync(thread, response.Body, response.ContentType, comments.Answers, ct);
        return new Stored(true, comments.StoppedReason, null);
    }

    /// <summary>
    /// Revisits after 1 h, 2 h, 4 h, ... (from the source's first interval) until the window since first sight (for
    /// an archive, since posting) closes.
    /// </summary>
    private async Task ScheduleNextAsync(WorkItem item, FrontierEntry entry, SourceOptions source, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var due = now + (TimeSpan.FromMinutes(source.FirstRevisitMinutes) * Math.Pow(2, Math.Min(entry.Fetches, 16)));
        var windowStart = DateTimeOffset.FromUnixTimeMilliseconds(entry.FirstSeen);
        if (SiteAdapters.IsArcticShift(source) && SortKeys.TimeOf(item.SortKey) is { } posted && posted < windowStart.ToUnixTimeSeconds())
        {
            // The archive re-reads a post and its comments once, about 36 h after posting: an older post found late
            // (a first pass reaching back weeks) is read once, not revisited for days.
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
