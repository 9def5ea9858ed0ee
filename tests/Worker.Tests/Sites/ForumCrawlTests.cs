using Crawler.TestSupport.Forums;
using Crawler.Worker.Pipeline;
using Crawler.Worker.Sources;
using Dapper;

namespace Crawler.Worker.Tests.Sites;

/// <summary>
/// A forum source read through the xenforo2 preset from a XenForo-like forum on loopback: board listings over
/// pages, threads over pages, attachments at full size, and revisits that find new edits and change nothing else.
/// </summary>
public sealed class ForumCrawlTests
{
    private static readonly string[] ThreadStages = [StageNames.Discover, StageNames.FetchThread, StageNames.Parse, StageNames.Pair];

    [Fact]
    public async Task ForumSource_ReadsEveryThreadOnEveryPage_AndPairsEachEditorsImageWithTheRequestsPhoto()
    {
        await using var forum = await ForumSiteServer.StartAsync(new ForumSiteOptions { Boards = 1, ThreadsPerBoard = 25, PostsPerThread = 26 });
        using var pipeline = await TestPipeline.StartAsync(Source(forum));

        await pipeline.RunAsync(ThreadStages);

        await using var db = await pipeline.Db.OpenAsync(CancellationToken.None);
        var threadIds = forum.Threads.Select(t => t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(threadIds, await db.QueryAsync<string>("SELECT thread_id FROM threads WHERE status = 'parsed' ORDER BY thread_id"));
        // 26 posts a thread over two pages: the request and 25 replies, 5 of them on the second page.
        Assert.Equal(forum.Threads.Sum(t => t.Posts.Count - 1), await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM replies"));
        Assert.Equal(ExpectedEdits(forum), await TakenPairsAsync(db));
    }

    [Fact]
    public async Task Revisit_FindsTheEditPostedSince_OnTheThreadsLastPage_AndLeavesTheOtherPairsUntouched()
    {
        await using var forum = await ForumSiteServer.StartAsync(new ForumSiteOptions { Boards = 1, ThreadsPerBoard = 3, PostsPerThread = 20 });
        using var pipeline = await TestPipeline.StartAsync(Source(forum));
        await pipeline.RunAsync(ThreadStages);
        await using var db = await pipeline.Db.OpenAsync(CancellationToken.None);
        var before = (await db.QueryAsync<string>(PairsWritten)).ToList();

        // The 21st post is the first of the thread's second page, which the revisit reads beside the first.
        var thread = forum.Threads[1];
        var post = forum.AddReply(thread.Id, "late_editor", withImage: true);
        pipeline.Time.Advance(TimeSpan.FromHours(1.5));
        await pipeline.RunAsync(ThreadStages);

        var after = (await db.QueryAsync<string>(PairsWritten)).ToList();
        Assert.Equal([$"{thread.Id}:{post}"], after.Except(before).Select(p => p.Split('|')[0]));
        Assert.Empty(before.Except(after));
        Assert.Equal(ExpectedEdits(forum), await TakenPairsAsync(db));
    }

    private const string PairsWritten = "SELECT thread_id || ':' || reply_id || '|' || updated_at FROM pairs ORDER BY pair_id";

    private static SourceOptions Source(ForumSiteServer forum) => new()
    {
        Name = "forum-test",
        Adapter = "forum",
        Site = "xenforo",
        BaseUrl = forum.BaseUrl.AbsoluteUri,
        Communities = [.. forum.Boards.Select(b => $"{b.Slug}.{b.Id}")],
        ListingPages = 5,
        RevisitWindowHours = 72,
        FirstRevisitMinutes = 60,
        NoPoliteness = true,
    };

    /// <summary>From the forum's own model: each post by someone other than the requester that carries an image.</summary>
    private static List<string> ExpectedEdits(ForumSiteServer forum) =>
        forum.Threads
            .SelectMany(t => t.Posts.Skip(1)
                .Where(p => p.Author != t.Requester && (p.Attachment is not null || p.Embedded is not null))
                .Select(p => $"{t.Id}:{p.Id}:{(p.Attachment is { } a ? $"attachment {a}" : $"embedded {p.Embedded}")}"))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static async Task<List<string>> TakenPairsAsync(System.Data.Common.DbConnection db) =>
        (await db.QueryAsync<(string Thread, string Reply, string Target)>(
            "SELECT thread_id AS Thread, reply_id AS Reply, target_url AS Target FROM pairs WHERE status <> 'dropped'"))
        .Select(p => $"{p.Thread}:{p.Reply}:{Describe(p.Target)}")
        .Order(StringComparer.Ordinal)
        .ToList();

    // An attachment's full-size link ends ".{id}/"; an embedded image is named by its path.
    private static string Describe(string target)
    {
        var url = new Uri(target);
        return url.AbsolutePath.Contains("/attachments/", StringComparison.Ordinal)
            ? $"attachment {url.AbsolutePath.TrimEnd('/').Split('.')[^1]}"
            : $"embedded {url.AbsolutePath}";
    }
}
