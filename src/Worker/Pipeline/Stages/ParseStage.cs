using Crawler.Parsers.Forums;
using Crawler.Worker.Catalog.Work;
using Crawler.Core.Domain;
using Crawler.Parsers;
using Crawler.Parsers.Reddit;
using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Pipeline.Sites;
using Crawler.Worker.Sources;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Pipeline.Stages;

/// <summary>
/// Parses a thread's stored raw page, completed by its stored morechildren answers or comment pages, into the catalog's threads
/// and replies. A thread or reply the page shows deleted or removed is recorded as a deletion and its images
/// are purged.
/// </summary>
public sealed class ParseStage(
    IOptionsMonitor<SourcesOptions> sources,
    SiteDrivers drivers,
    FrontierStore frontier,
    RawPageStore rawPages,
    ThreadStore threads,
    DeletionPurger deletions,
    LayoutWatch layouts,
    WorkQueue queue) : ItemStageHandler
{
    private const string Origin = "parse";

    public override string Stage => StageNames.Parse;

    public override int BatchSize => 32;

    public override async Task RecordGiveUpAsync(WorkItem item, string reason, CancellationToken ct)
    {
        var thread = ThreadRef.Parse(item.ItemKey);
        var source = (await frontier.GetAsync(thread, ct))?.Source ?? "";
        await threads.RecordFailureAsync(thread, source, reason, ct);
    }

    protected override async Task<StageOutcome> HandleItemAsync(WorkItem item, CancellationToken ct)
    {
        var at = ThreadRef.Parse(item.ItemKey);
        if (await frontier.GetAsync(at, ct) is not { } entry)
        {
            return StageOutcome.Failed("thread is not in the frontier");
        }
        if (await rawPages.GetAsync(at, ct) is not { } page)
        {
            return StageOutcome.Failed("no raw page stored for the thread");
        }
        var source = sources.CurrentValue.Get(entry.Source);
        var driver = drivers.For(source);
        var adapter = driver.Adapter(source);
        ParsedThread thread;
        try
        {
            var parsed = adapter.Parser.Parse(page.Body, new Uri(entry.Url)).Threads.FirstOrDefault(t => t.Id == at.Id);
            if (parsed is null)
            {
                return StageOutcome.Failed($"the page holds no thread {at.Id}");
            }
            thread = RedditMoreChildren.Merge(parsed, page.Parts.Select((part, i) => ParsePart(adapter, part, i, entry.Url)).ToList());
        }
        catch (PageFormatException e)
        {
            if (e is LayoutChangedException changed)
            {
                await layouts.FailedAsync(source, changed, ct);
            }
            return StageOutcome.Failed($"malformed page: {e.Message}");
        }
        await layouts.MatchedAsync(source, ct);
        await threads.SaveAsync(at.Site, entry.Source, thread, ct);
        // An archive keeps the text of what was deleted after it was archived: its stored pages go with the reply.
        await RecordDeletionsAsync(at, thread, pageQuotesDeleted: driver.PagesKeepDeletedText, ct);
        await rawPages.MarkParsedAsync(at, page.Sha256, ct);
        await queue.EnqueueAsync(StageNames.Pair, [(item.ItemKey, item.SortKey)], ct: ct);
        return StageOutcome.Done;
    }

    private static ParsedPage ParsePart(ISiteAdapter adapter, byte[] part, int index, string url)
    {
        try
        {
            return adapter.Parser.Parse(part, new Uri(url));
        }
        catch (PageFormatException e) when (e is not LayoutChangedException)
        {
            throw new PageFormatException($"answer {index + 1} beside the page (morechildren, comments): {e.Message}", e);
        }
    }

    private async Task RecordDeletionsAsync(ThreadRef at, ParsedThread thread, bool pageQuotesDeleted, CancellationToken ct)
    {
        if (thread.Deleted)
        {
            await deletions.ThreadGoneAsync(at, Origin, ct);
        }
        var goneReplies = thread.Replies.Where(r => r.Deleted).Select(r => r.Id).ToList();
        await deletions.RepliesGoneAsync(at, goneReplies, Origin, rawPagesQuoteThem: pageQuotesDeleted, ct);
    }
}
