using Crawler.Parsers.Forums;
using Crawler.TestSupport;

namespace Crawler.Parsers.Tests.Forums;

/// <summary>A test-only site file extending vbulletin4 on SomethingAwful's saved pages (skipped when absent).</summary>
[SharedFixturesTrait]
public sealed class SomethingAwfulSharedFixtureTests
{
    private readonly ForumPageParser _parser = new(ForumSites.LoadTestSite("somethingawful"));

    [Fact]
    public void Parse_ThreadPage17_GivesItsFortyPostsAsLooseRepliesOfTheThread()
    {
        var page = _parser.Parse(
            SharedFixtures.Bytes("forums", "vbulletin-sa_showthread_somethingawful_3526065.html"),
            new Uri("https://forums.somethingawful.com/showthread.php?threadid=3526065&perpage=40&pagenumber=17"));

        Assert.Empty(page.Threads);
        Assert.Equal(40, page.Replies.Count);
        Assert.Equal("411639264", page.Replies[0].Id);
        Assert.Equal("Pickled Tink", page.Replies[0].Author);
        Assert.All(page.Replies, r => Assert.Equal("3526065", r.LinkId));
        Assert.DoesNotContain("How easy is it to write a script", page.Replies[0].Body, StringComparison.Ordinal);
        Assert.Contains("Lets not give them an excuse", page.Replies[0].Body, StringComparison.Ordinal);
        Assert.Equal("https://forums.somethingawful.com/showthread.php?threadid=3526065&userid=0&perpage=40&pagenumber=18", page.Next);
    }

    [Fact]
    public void Parse_ForumDisplay_GivesTheThreadRows_WithoutTheStickies()
    {
        var page = _parser.Parse(
            SharedFixtures.Bytes("forums", "vbulletin-sa_forumdisplay_somethingawful.html"),
            new Uri("https://forums.somethingawful.com/forumdisplay.php?forumid=46"));

        Assert.NotEmpty(page.Threads);
        Assert.DoesNotContain(page.Threads, t => t.Id == "3332697");
        Assert.Contains(page.Threads, t => t.Id == "3520449");
        Assert.All(page.Threads, t => Assert.StartsWith("https://forums.somethingawful.com/showthread.php?threadid=", t.Url, StringComparison.Ordinal));
        Assert.All(page.Threads, t => Assert.False(string.IsNullOrEmpty(t.Author)));
    }
}
