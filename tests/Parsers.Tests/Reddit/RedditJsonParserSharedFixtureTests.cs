using Crawler.Parsers.Reddit;
using Crawler.TestSupport;

namespace Crawler.Parsers.Tests.Reddit;

/// <summary>The parser on real API responses from ../shared/fixtures/reddit (skipped when absent).</summary>
public sealed class RedditJsonParserSharedFixtureTests
{
    private readonly RedditJsonParser _parser = new();

    [Fact]
    public void Parse_CommentsPage_FlattensEveryReplyAndCollectsMoreIds()
    {
        var page = _parser.Parse(SharedFixtures.Bytes("reddit", "praw__comments_r_funny_imgur_link_post__476_comments_more_stubs__3hahrw.json"));

        var thread = Assert.Single(page.Threads);
        Assert.Equal("3hahrw", thread.Id);
        Assert.Equal("funny", thread.Community);
        Assert.Equal("your_local_librarian", thread.Author);
        Assert.Equal(1439797480, thread.CreatedUtc);
        Assert.Equal(476, thread.Replies.Count);
        Assert.Contains("cu5tt8h", thread.More);
        Assert.Contains("cu5uvq3", thread.More);
        Assert.All(thread.Replies, r => Assert.False(string.IsNullOrEmpty(r.ParentId)));
        Assert.Equal("https://www.reddit.com/r/funny/comments/3hahrw/ba_dum_tsss/", thread.Url);
    }

    [Fact]
    public void Parse_GalleryPost_GivesImagesInGalleryOrder_AtTheirLargestSize()
    {
        var page = _parser.Parse(SharedFixtures.Bytes("reddit", "praw__comments_gallery_post_with_flair__hux6du.json"));

        var thread = Assert.Single(page.Threads);
        Assert.Equal("test", thread.Flair);
        Assert.Equal(
        [
            "https://preview.redd.it/8pnwbvvts3c51.png?width=128&format=png&auto=webp&s=dc37381ee621f691a5cbc9580ac029cbcba21c1d",
            "https://preview.redd.it/9rc0ujxts3c51.jpg?width=128&format=pjpg&auto=webp&s=5c8e2102eca2c4b26286afe0edfb1fa4e89f51da",
            "https://i.redd.it/ksloqwyts3c51.gif",
            "https://preview.redd.it/5zg3vwzts3c51.png?width=128&format=png&auto=webp&s=6498b236932ea9fe8e3b928033a350e4119ea308",
        ], thread.Images);
    }

    [Fact]
    public void Parse_Listing_GivesThreadsWithoutRepliesAndTheAfterToken()
    {
        var page = _parser.Parse(SharedFixtures.Bytes("reddit", "praw__listing_r_popular_hot__images_galleries_flair__2026.json"));

        Assert.Equal(100, page.Threads.Count);
        Assert.Equal("t3_1skbyfv", page.Next);
        Assert.All(page.Threads, t => Assert.Empty(t.Replies));
        var image = page.Threads.Single(t => t.Id == "1skii2f");
        Assert.Equal(["https://i.redd.it/rrinwcmrxzug1.jpeg"], image.Images);
    }

    [Fact]
    public void Parse_MoreChildrenAnswer_GivesLooseRepliesWithTheirThread()
    {
        var page = _parser.Parse(SharedFixtures.Bytes("reddit", "praw__api_morechildren_response__3hahrw.json"));

        Assert.Empty(page.Threads);
        Assert.Equal(11, page.Replies.Count);
        Assert.All(page.Replies, r => Assert.Equal("3hahrw", r.LinkId));
        Assert.Equal("cu5p1hh", page.Replies[0].ParentId);
    }
}
