using Crawler.Worker.Catalog.Work;
using Crawler.Core.Domain;
using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Pipeline.Sites;
using Crawler.Worker.Sources;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Pipeline.Stages;

/// <summary>
/// Applies the site's pairing rules to a parsed thread, stores every candidate with its reason, and queues
/// the images of every taken pair.
/// </summary>
public sealed class PairStage(
    IOptionsMonitor<SourcesOptions> sources,
    SiteDrivers drivers,
    FrontierStore frontier,
    ThreadStore threads,
    PairStore pairs,
    ImageStore images,
    WorkQueue queue) : ItemStageHandler
{
    public override string Stage => StageNames.Pair;

    public override int BatchSize => 32;

    protected override async Task<StageOutcome> HandleItemAsync(WorkItem item, CancellationToken ct)
    {
        var at = ThreadRef.Parse(item.ItemKey);
        if (await frontier.GetAsync(at, ct) is not { } entry || await threads.GetAsync(at, ct) is not { } thread)
        {
            return StageOutcome.Failed("thread is not parsed");
        }
        var result = drivers.AdapterFor(sources.CurrentValue.Get(entry.Source)).Pair(thread);
        // A thread that can no longer be paired (deleted, its image gone) drops the pairs it had, saying why.
        var undecided = (await pairs.SaveCandidatesAsync(at, result.Candidates, ct, result.ThreadReason ?? "no longer in the thread")).ToHashSet();
        var taken = result.Candidates.Where(c => c.Taken).ToList();
        var urls = taken.SelectMany(c => new[] { c.SourceUrl, c.TargetUrl }).Distinct().ToList();
        await images.AddUrlsAsync(urls, ct);
        await queue.EnqueueIfAbsentAsync(StageNames.FetchImage, urls.Select(u => (u, SortKeys.ByTime(thread.CreatedUtc, u))), ct);
        // A pair already decided and unchanged keeps its decision: a revisit or a reparse does not redo its dedup.
        await queue.EnqueueAsync(StageNames.Dedup, taken.Select(c => (Id: PairId.Of(at, c), c.Rank))
            .Where(p => undecided.Contains(p.Id))
            .Select(p => (p.Id, SortKeys.ByTimeAndRank(thread.CreatedUtc, p.Rank, p.Id))), ct: ct);
        return StageOutcome.Done;
    }
}
