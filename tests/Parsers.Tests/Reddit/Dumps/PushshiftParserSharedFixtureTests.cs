using Crawler.Parsers.Reddit.Dumps;
using Crawler.TestSupport;

namespace Crawler.Parsers.Tests.Reddit.Dumps;

/// <summary>The dump parser on real Pushshift lines from ../shared/fixtures/dumps (skipped when absent).</summary>
[SharedFixturesTrait]
public sealed class PushshiftParserSharedFixtureTests
{
    private readonly PushshiftParser _parser = new();

    [Fact]
    public void Parse_SubmissionLines_GiveOneThreadPerLine()
    {
        var page = _parser.Parse(SharedFixtures.Bytes("dumps", "pushshift_dump__RS_2018-02-01__first50_submissions.ndjson"));

        Assert.Equal(50, page.Threads.Count);
        Assert.Empty(page.Replies);
        var first = page.Threads[0];
        Assert.Equal(("7ueit6", "transcribersofreddit", "TranscribersOfReddit", "Unclaimed", 1517443200L), (first.Id, first.Author, first.Community, first.Flair, first.CreatedUtc));
        Assert.Equal("https://www.reddit.com/r/TranscribersOfReddit/comments/7ueit6/toomeirlformeirl_image_toomeirlformeirl/", first.Url);
        Assert.Equal(["https://i.redd.it/w00ynzw6shd01.jpg"], page.Threads.Single(t => t.Id == "7ueitj").Images);
        var adult = page.Threads.Single(t => t.Id == "7ueitz");
        Assert.True(adult.Nsfw);
        Assert.Equal(["https://i.imgur.com/Tp2x7Af.jpg"], adult.Images);
        Assert.Equal(1, page.Threads.Count(t => t.Nsfw));
    }

    [Fact]
    public void Parse_DeletedAndRemovedSubmissions_AreMarkedAndCarryNoContent()
    {
        var page = _parser.Parse(SharedFixtures.Bytes("dumps", "pushshift_dump__RS_2018-02-01__first50_submissions.ndjson"));

        Assert.Equal(["7ueitd", "7ueitf", "7ueitk", "7ueitm", "7ueito", "7ueits", "7ueitu", "7ueitw", "7ueitx", "7ueiu8", "7ueiub", "7ueiug", "7ueium"],
            page.Threads.Where(t => t.Deleted).Select(t => t.Id));
        var deletedImage = page.Threads.Single(t => t.Id == "7ueitf");
        Assert.Null(deletedImage.Author);
        Assert.Empty(deletedImage.Images);
        Assert.Equal("", deletedImage.Body);
    }

    [Fact]
    public void Parse_CommentLines_GiveLooseRepliesWithTheirLinkIds()
    {
        var page = _parser.Parse(SharedFixtures.Bytes("dumps", "pushshift_dump__RC_2018-10__2_comment_lines__from_blog_post.ndjson"));

        Assert.Empty(page.Threads);
        Assert.Equal(2, page.Replies.Count);
        var first = page.Replies[0];
        Assert.Equal(("e6xucdd", "9ka1hp", "e6xu13x", "TistedLogic", 2, 1538352000L), (first.Id, first.LinkId, first.ParentId, first.Author, first.Score, first.CreatedUtc));
        Assert.Equal("Is it still r/BoneAppleTea worthy if it's the opposite?", first.Body);
        Assert.Equal(("e6xucde", "9k8bp4", "e6xu9sk"), (page.Replies[1].Id, page.Replies[1].LinkId, page.Replies[1].ParentId));
    }
}
