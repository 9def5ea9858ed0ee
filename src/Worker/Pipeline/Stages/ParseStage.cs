using Crawler.Parsers;
using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Sources;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Pipeline.Stages;

/// <summary>Parses a thread's stored raw page into the catalog's threads and replies.</summary>
public sealed class ParseStage(
    IOptionsMonitor<SourcesOptions> sources,
    FrontierStore frontier,
    RawPageStore rawPages,
    ThreadStore threads,
    WorkQueue queue) : ItemStageHandler
{
    public override string Stage => StageNames.Parse;

    public override int BatchSize => 32;

    public override async Task RecordGiveUpAsync(WorkItem item, string reason, CancellationToken ct)
    {
        var (site, threadId) = ThreadKey.Parse(item.ItemKey);
        var source = (await frontier.GetAsync(site, threadId, ct))?.Source ?? "";
        await threads.RecordFailureAsync(site, threadId, source, reason, ct);
    }

    protected override async Task<StageOutcome> HandleItemAsync(WorkItem item, CancellationToken ct)
    {
        var (site, threadId) = ThreadKey.Parse(item.ItemKey);
        if (await frontier.GetAsync(site, threadId, ct) is not { } entry)
        {
            return StageOutcome.Failed("thread is not in the frontier");
        }
        if (await rawPages.GetAsync(site, threadId, ct) is not { } page)
        {
            return StageOutcome.Failed("no raw page stored for the thread");
        }
        var adapter = SiteAdapters.For(sources.CurrentValue.Get(entry.Source));
        try
        {
            var parsed = adapter.Parser.Parse(page, new Uri(entry.Url));
            var thread = parsed.Threads.FirstOrDefault(t => t.Id == threadId);
            if (thread is null)
            {
                return StageOutcome.Failed($"the page holds no thread {threadId}");
            }
            await threads.SaveAsync(site, entry.Source, thread, ct);
        }
        catch (PageFormatException e)
        {
            return StageOutcome.Failed($"malformed page: {e.Message}");
        }
        await queue.EnqueueAsync(StageNames.Pair, [(item.ItemKey, item.SortKey)], ct: ct);
        return StageOutcome.Done;
    }
}
