using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Crawler.TestSupport.Forums;

namespace Crawler.Worker.Tests.LoopbackSites;

public sealed class ForumSiteServerTests
{
    [Fact]
    public async Task Listing_PagesTwentyThreadsNewestFirst_AndAReplyBumpsAThreadToTheTop()
    {
        await using var forum = await ForumSiteServer.StartAsync(new ForumSiteOptions { Boards = 1, ThreadsPerBoard = 25, PostsPerThread = 5, Images = false });
        using var http = new HttpClient();
        var board = forum.Boards[0];

        var first = await http.GetStringAsync(forum.BoardUrl(board.Id));
        var second = await http.GetStringAsync(new Uri(forum.BoardUrl(board.Id), "page-2"));
        var oldest = forum.ThreadIds(board.Id).Min();
        forum.AddReply(oldest, "late_editor", withImage: false);
        var bumped = await http.GetStringAsync(forum.BoardUrl(board.Id));

        Assert.Equal(20, Regex.Count(first, "structItem structItem--thread"));
        Assert.Equal(5, Regex.Count(second, "structItem structItem--thread"));
        Assert.Contains("pageNav-jump pageNav-jump--next", first, StringComparison.Ordinal);
        Assert.DoesNotContain("pageNav-jump--next", second, StringComparison.Ordinal);
        Assert.Contains($".{oldest}/\"", second, StringComparison.Ordinal);
        Assert.Equal(oldest, int.Parse(Regex.Match(bumped, "js-threadListItem-([0-9]+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Thread_RedirectsABareIdAndServesDistinctJpegs_ForTheRequestAndItsEdit()
    {
        await using var forum = await ForumSiteServer.StartAsync(new ForumSiteOptions { Boards = 1, ThreadsPerBoard = 2, PostsPerThread = 26 });
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var (a, b) = (forum.Threads[0], forum.Threads[1]);

        using var bare = await http.GetAsync(new Uri(forum.BaseUrl, $"threads/{a.Id}/"));
        var page = await http.GetStringAsync(forum.ThreadUrl(a.Id));
        var page2 = await http.GetStringAsync(new Uri(forum.ThreadUrl(a.Id), "page-2"));
        var attachments = Regex.Matches(page, "class=\"file-preview js-lbImage\" href=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        var original = await http.GetByteArrayAsync(new Uri(forum.BaseUrl, attachments[0]));
        var edit = await http.GetByteArrayAsync(new Uri(forum.BaseUrl, attachments[1]));
        var otherPage = await http.GetStringAsync(forum.ThreadUrl(b.Id));
        var otherOriginal = await http.GetByteArrayAsync(new Uri(forum.BaseUrl, Regex.Match(otherPage, "class=\"file-preview js-lbImage\" href=\"([^\"]+)\"").Groups[1].Value));

        Assert.Equal(HttpStatusCode.MovedPermanently, bare.StatusCode);
        Assert.Equal($"/forum/{a.Path}", bare.Headers.Location!.OriginalString);
        Assert.Equal(20, Regex.Count(page, "data-author=\""));
        Assert.Equal(6, Regex.Count(page2, "data-author=\""));
        Assert.Contains($"data-source=\"post: {a.Posts[1].Id}\"", page, StringComparison.Ordinal);
        Assert.All(new[] { original, edit, otherOriginal }, jpeg => Assert.Equal([0xFF, 0xD8, 0xFF], jpeg[..3]));
        Assert.Equal(3, new[] { original, edit, otherOriginal }.Select(j => Convert.ToHexString(SHA256.HashData(j))).Distinct().Count());
    }
}
