using Crawler.Core.Domain;
using Crawler.Worker.Catalog.Work;
using Crawler.Parsers;
using Crawler.Worker.Catalog.Stores;
using Crawler.Fetching;
using Crawler.Worker.Pipeline.Sites;
using Crawler.Worker.Sources;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Pipeline.Stages;

/// <summary>
/// Re-checks threads past their revisit window, with the replies their live pairs come from, through their
/// source's lookup by id (Reddit's <c>/api/info</c>, the archive's ids endpoints). What is deleted, removed or
/// (at Reddit) no longer served is recorded as deleted and purged; the rest is checked again after the
/// source's sweep interval.
/// </summary>
public sealed class DeletionSweepStage(
    IOptionsMonitor<SourcesOptions> sources,
    FrontierStore frontier,
    PairStore pairs,
    SiteDrivers drivers,
    DeletionPurger deletions,
    WorkQueue queue,
    TimeProvider time) : IStageHandler
{
    private const string Origin = "sweep";
    private static readonly TimeSpan DisabledRecheck = TimeSpan.FromDays(1);

    // The replies worth checking are those of the thread's pairs, so a thread still being paired (just imported) waits.
    private static readonly TimeSpan WaitForPairing = TimeSpan.FromMinutes(10);

    public string Stage => StageNames.DeletionSweep;

    public int BatchSize => 200;

    public Task RecordGiveUpAsync(WorkItem item, string reason, CancellationToken ct) => Task.CompletedTask;

    public async Task<IReadOnlyList<StageOutcome>> HandleAsync(IReadOnlyList<WorkItem> batch, CancellationToken ct)
    {
        var outcomes = new StageOutcome?[batch.Count];
        var checks = new List<SweepCheck>();
        for (var i = 0; i < batch.Count; i++)
        {
            var thread = ThreadRef.Parse(batch[i].ItemKey);
            var entry = await frontier.GetAsync(thread, ct);
            var source = entry is null ? null : sources.CurrentValue.Items.FirstOrDefault(s => s.Name == entry.Source);
            outcomes[i] = Skip(entry, source, source is null ? null : drivers.For(source).Deletions)
                ?? (await queue.IsPendingAsync(StageNames.Pair, batch[i].ItemKey, ct) ? StageOutcome.Defer(WaitForPairing, "waiting for the thread to be paired") : null);
            if (outcomes[i] is null)
            {
                checks.Add(new SweepCheck(i, batch[i], thread, source!, await LiveRepliesAsync(thread, ct)));
            }
        }
        foreach (var group in checks.GroupBy(c => c.Source.Name))
        {
            await SweepAsync(group.ToList(), outcomes, ct);
        }
        return outcomes.Select(o => o ?? StageOutcome.Failed("not checked")).ToList();
    }

    /// <summary>Why a thread is not checked now; null when it is.</summary>
    private static StageOutcome? Skip(FrontierEntry? entry, SourceOptions? source, IDeletionLookup? lookup) =>
        entry is null ? StageOutcome.Failed("thread is not in the frontier")
        : source is not { Enabled: true } ? StageOutcome.Defer(DisabledRecheck, $"source '{entry.Source}' is not enabled; deletions cannot be checked")
        : lookup is null ? StageOutcome.Done
        : null;

    private async Task<IReadOnlyList<string>> LiveRepliesAsync(ThreadRef thread, CancellationToken ct) =>
        (await pairs.ForThreadAsync(thread, ct)).Where(p => p.Status != PairStatus.Dropped).Select(p => p.ReplyId).Distinct().ToList();

    private async Task SweepAsync(List<SweepCheck> checks, StageOutcome?[] outcomes, CancellationToken ct)
    {
        var source = checks[0].Source;
        var lookup = drivers.For(source).Deletions!;
        var fullnames = checks.SelectMany(c => c.Fullnames).Distinct().ToList();
        var present = new Dictionary<string, bool>(StringComparer.Ordinal); // fullname -> gone
        var failures = new Dictionary<string, StageOutcome>(StringComparer.Ordinal);
        var chunks = fullnames.Chunk(lookup.BatchSize).ToList();
        for (var c = 0; c < chunks.Count; c++)
        {
            var chunk = chunks[c];
            try
            {
                foreach (var (name, gone) in await lookup.LookUpAsync(source, chunk, ct))
                {
                    present[name] = gone;
                }
            }
            catch (Exception e) when (e is FetchException or PageFormatException)
            {
                // The rest waits too: after a 429 or a failing host, more calls now would only fail the same way.
                var outcome = e is FetchException fetch ? FetchFailures.Outcome(fetch) : StageOutcome.Transient($"lookup answer unreadable: {e.Message}");
                foreach (var name in chunks.Skip(c).SelectMany(rest => rest))
                {
                    failures[name] = outcome;
                }
                break;
            }
        }
        var absentMeansGone = lookup.AbsentMeansGone;
        foreach (var check in checks)
        {
            outcomes[check.Index] = check.Fullnames.Select(n => failures.GetValueOrDefault(n)).FirstOrDefault(f => f is not null)
                ?? await ApplyAsync(check, name => present.TryGetValue(name, out var gone) ? gone : absentMeansGone, ct);
        }
    }

    /// <param name="isGone">Deleted, removed, or absent from Reddit's answer (purged there).</param>
    private async Task<StageOutcome> ApplyAsync(SweepCheck check, Func<string, bool> isGone, CancellationToken ct)
    {
        if (isGone("t3_" + check.Thread.Id))
        {
            await deletions.ThreadGoneAsync(check.Thread, Origin, ct);
            return StageOutcome.Done;
        }
        var goneReplies = check.ReplyIds.Where(id => isGone("t1_" + id)).ToList();
        await deletions.RepliesGoneAsync(check.Thread, goneReplies, Origin, rawPagesQuoteThem: goneReplies.Count > 0, ct);
        await queue.EnqueueAsync(Stage, [(check.Item.ItemKey, check.Item.SortKey)], time.GetUtcNow().AddHours(check.Source.DeletionSweepHours), ct);
        return StageOutcome.Done;
    }

    private sealed record SweepCheck(int Index, WorkItem Item, ThreadRef Thread, SourceOptions Source, IReadOnlyList<string> ReplyIds)
    {
        public IEnumerable<string> Fullnames => ReplyIds.Select(id => "t1_" + id).Prepend("t3_" + Thread.Id);
    }
}
