using System.Globalization;
using AngleSharp.Html.Parser;
using Crawler.Core.Domain;
using Crawler.TestSupport.Forums;
using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Pipeline;
using Crawler.Worker.Sources;
using Crawler.Worker.Tests.Sites;
using Dapper;

namespace Crawler.Worker.Tests.Pipeline;

/// <summary>
/// Reparse over pages crawled from the loopback forum: today's parse and pairing run on the stored raw pages
/// without fetching; a pair no longer found is retired with its reason, the others are not written, and the
/// site and since filters pick only the pages they name.
/// </summary>
public sealed class ReparseTests
{
    private const string Site = "xenforo2";

    [Fact]
    public async Task Reparse_RetiresThePairOfAnEditWhoseImageIsGoneFromTheStoredPage_LeavesTheOtherPairsUntouched_AndFetchesNothing()
    {
        // Eight posts a thread: edits in replies 2, 5 and 8, the requester's thanks in 4.
        await using var forum = await ForumSiteServer.StartAsync(new ForumSiteOptions { Boards = 1, ThreadsPerBoard = 2, PostsPerThread = 8 });
        using var pipeline = await TestPipeline.StartAsync(Source("forum-test", forum, "xenforo"));
        await pipeline.RunAsync(StageNames.Discover, StageNames.FetchThread, StageNames.Parse, StageNames.Pair);
        var before = await PairsAsync(pipeline);
        Assert.Equal(6, before.Count(p => p.Value.Status == "candidate"));

        // The thread's last edit loses its attachment on the stored page, as if today's parser no longer found it.
        // The last one, so the edits ranked before it keep their ranks and nothing else about them changes.
        var thread = new ThreadRef(Site, Id(forum.Threads[0]));
        var gone = forum.Threads[0].Posts[^1];
        Assert.NotNull(gone.Attachment);
        await RemoveAttachmentsAsync(pipeline, thread, gone.Id);
        pipeline.Time.Advance(TimeSpan.FromMinutes(5));
        var started = pipeline.Time.GetUtcNow();
        var requests = forum.Requests.Count;

        Assert.Equal(2, await pipeline.Get<Reparse>().QueueAsync(null, null, CancellationToken.None));
        await pipeline.RunAsync(StageNames.Parse, StageNames.Pair);

        Assert.Equal(requests, forum.Requests.Count);
        var after = await PairsAsync(pipeline);
        var retiredId = $"{thread.Key}:{Id(gone)}:0";
        var retired = after[retiredId];
        Assert.Equal(("dropped", "no longer in the thread", started.ToUnixTimeMilliseconds()), (retired.Status, retired.Reason, retired.UpdatedAt));
        // Every other pair, the retired one's thread included, reads as before, down to when it was written.
        Assert.Equal(before.Where(p => p.Key != retiredId), after.Where(p => p.Key != retiredId));
        Assert.Equal((1, 1), await pipeline.Get<PairStore>().WrittenSinceAsync(started, CancellationToken.None));
    }

    [Fact]
    public async Task QueueAsync_QueuesOnlyTheNamedSitesPages_OrThosePagesFetchedSince()
    {
        await using var forum = await ForumSiteServer.StartAsync(new ForumSiteOptions { Boards = 1, ThreadsPerBoard = 2, PostsPerThread = 2, Images = false });
        await using var other = await ForumSiteServer.StartAsync(new ForumSiteOptions { Boards = 1, ThreadsPerBoard = 3, PostsPerThread = 2, Images = false });
        // The same software under another name: its threads are of another site, with the same ids.
        using var otherSite = new EditedSiteFile("otherforum");
        using var pipeline = await TestPipeline.StartAsync(Source("forum-test", forum, "xenforo"), Source("other-test", other, otherSite.FilePath));
        await pipeline.RunAsync(StageNames.Discover, StageNames.FetchThread, StageNames.Parse);
        // A reply on one thread: its revisit stores the page anew, the other revisits find theirs unchanged.
        var bumped = forum.Threads[1];
        forum.AddReply(bumped.Id, "late_editor", withImage: false);
        pipeline.Time.Advance(TimeSpan.FromMinutes(90));
        var since = pipeline.Time.GetUtcNow();
        await pipeline.RunAsync(StageNames.FetchThread, StageNames.Parse);
        var reparse = pipeline.Get<Reparse>();

        Assert.Equal(3, await reparse.QueueAsync("otherforum", null, CancellationToken.None));
        Assert.Equal(other.Threads.Select(t => $"otherforum:{Id(t)}"), await QueuedForParseAsync(pipeline));
        await pipeline.RunAsync(StageNames.Parse);

        Assert.Equal(1, await reparse.QueueAsync(null, since, CancellationToken.None));
        Assert.Equal([$"{Site}:{Id(bumped)}"], await QueuedForParseAsync(pipeline));
        await pipeline.RunAsync(StageNames.Parse);

        Assert.Equal(0, await reparse.QueueAsync("otherforum", since, CancellationToken.None));
        Assert.Equal(5, await reparse.QueueAsync(null, null, CancellationToken.None));
    }

    private static SourceOptions Source(string name, ForumSiteServer forum, string site) => new()
    {
        Name = name,
        Adapter = "forum",
        Site = site,
        BaseUrl = forum.BaseUrl.AbsoluteUri,
        Communities = [.. forum.Boards.Select(b => $"{b.Slug}.{b.Id}")],
        ListingPages = 5,
        FirstRevisitMinutes = 60,
        NoPoliteness = true,
    };

    private static string Id(ForumThread thread) => thread.Id.ToString(CultureInfo.InvariantCulture);

    private static string Id(ForumPost post) => post.Id.ToString(CultureInfo.InvariantCulture);

    // Only the image goes, not the reply: replies are merged into the catalog, so a reply missing from a page stays.
    private static async Task RemoveAttachmentsAsync(TestPipeline pipeline, ThreadRef thread, int postId)
    {
        var pages = pipeline.Get<RawPageStore>();
        var stored = await pages.GetAsync(thread, CancellationToken.None) ?? throw new InvalidOperationException($"no page stored for {thread}");
        var document = new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(stored.Body));
        var attachments = document.QuerySelector($"article[data-content='post-{postId}'] section.message-attachments")
            ?? throw new InvalidOperationException($"no attachments of post {postId} on the page");
        attachments.Remove();
        await pages.PutAsync(thread, System.Text.Encoding.UTF8.GetBytes(document.DocumentElement.OuterHtml), "text/html; charset=utf-8", stored.Parts, CancellationToken.None);
    }

    private static async Task<Dictionary<string, (string Status, string? Reason, long UpdatedAt)>> PairsAsync(TestPipeline pipeline)
    {
        await using var db = await pipeline.Db.OpenAsync(CancellationToken.None);
        var rows = await db.QueryAsync<(string PairId, string Status, string? Reason, long UpdatedAt)>("SELECT pair_id, status, reason, updated_at FROM pairs ORDER BY pair_id");
        return rows.ToDictionary(r => r.PairId, r => (r.Status, r.Reason, r.UpdatedAt));
    }

    private static async Task<List<string>> QueuedForParseAsync(TestPipeline pipeline)
    {
        await using var db = await pipeline.Db.OpenAsync(CancellationToken.None);
        return [.. await db.QueryAsync<string>("SELECT item_key FROM work WHERE stage = @stage AND state = 'pending' ORDER BY item_key", new { stage = StageNames.Parse })];
    }
}
