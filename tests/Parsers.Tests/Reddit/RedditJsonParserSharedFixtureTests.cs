using Crawler.Parsers.Reddit;
using Crawler.TestSupport;

namespace Crawler.Parsers.Tests.Reddit;

/// <summary>The parser on real API responses from ../shared/fixtures/reddit (skipped when absent).</summary>
[SharedFixturesTrait]
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

    [Fact]
    public void Parse_CommentsPage_CollectsTheIdsOfEveryMoreStub()
    {
        var page = _parser.Parse(SharedFixtures.Bytes("reddit", "praw__comments_r_funny_imgur_link_post__476_comments_more_stubs__3hahrw.json"));

        var thread = Assert.Single(page.Threads);
        Assert.Equal(24, thread.More.Count);
        Assert.Equal(["cu5uxqk", "cu5uvq3", "cu637g6", "cu694c2", "cu5w3gc"], thread.More.Take(5));
        Assert.Equal(["http://i.imgur.com/eoF76hj.gifv"], thread.Images);
        var markdownLink = thread.Replies.Single(r => r.Id == "cu5zzgp");
        Assert.Equal("Deviant_Legion", markdownLink.Author);
        Assert.Equal(["https://imgur.com/7ONpGM9"], markdownLink.Images);
        Assert.Equal(["https://i.imgur.com/BbgL7x3h.gifv"], thread.Replies.Single(r => r.Id == "cu5vr6e").Images);
    }

    [Fact]
    public void Parse_CommentsPageWithoutRawJson_DecodesEntitiesAndKeepsDeletedAuthorsAnonymous()
    {
        var page = _parser.Parse(SharedFixtures.Bytes("reddit", "graw__comments_r_toolgifs_imgur_gifv_link_post_flair__w9bomy.json"));

        var thread = Assert.Single(page.Threads);
        Assert.Equal(("w9bomy", "toolgifs", "Component", false), (thread.Id, thread.Author, thread.Flair, thread.Nsfw));
        Assert.Equal(["https://i.imgur.com/zmdA2j7.gifv"], thread.Images);
        Assert.Equal(21, thread.Replies.Count);
        Assert.Empty(thread.More);
        var quote = thread.Replies.Single(r => r.Id == "ihuk8z8");
        Assert.StartsWith("> The heart of the AI is a gyroscope", quote.Body, StringComparison.Ordinal);
        Assert.Equal(("ihu9ukp", 22), (quote.ParentId, quote.Score));
        var orphan = thread.Replies.Single(r => r.Id == "ijr3pab");
        Assert.Null(orphan.Author);
        Assert.False(orphan.Deleted);
        Assert.Equal("I need to get an attitude indicator for my wife", orphan.Body);
    }

    [Fact]
    public void Parse_ImagePost_GivesTheIReddItUrlAndNoReplies()
    {
        var page = _parser.Parse(SharedFixtures.Bytes("reddit", "praw__comments_image_post_i_redd_it_png__16xb01r.json"));

        var thread = Assert.Single(page.Threads);
        Assert.Equal(("16xb01r", "Test Title 0", 1696190094L), (thread.Id, thread.Title, thread.CreatedUtc));
        Assert.Equal(["https://i.redd.it/8xjguc40cnrb1.png"], thread.Images);
        Assert.Empty(thread.Replies);
    }

    [Fact]
    public void Parse_AllNewListing_GivesLinkedImages_FallsBackToThePreview_AndCarriesOver18()
    {
        var page = _parser.Parse(SharedFixtures.Bytes("reddit", "praw__listing_r_all_new__2016.json"));

        Assert.Equal(100, page.Threads.Count);
        Assert.Equal("t3_5jo10c", page.Next);
        var byId = page.Threads.ToDictionary(t => t.Id);
        Assert.Equal(["http://i.imgur.com/aw9ldVT.jpg"], byId["5jo13h"].Images);
        Assert.Equal(["https://i.redd.it/h8vzqktd215y.png"], byId["5jo13g"].Images);
        Assert.Equal(["http://imgur.com/a/LWhzo"], byId["5jo13i"].Images);
        // i.reddituploads.com links carry no file extension; the preview is the image Reddit itself shows.
        Assert.Equal(["https://i.redditmedia.com/7Rb89JRx4szfTpMs64TYi8pMOiYBKrSzVFWS8mDrg2Y.jpg?s=bf898f7f5ee0a00244960fe1705ef139"], byId["5jo13e"].Images);
        Assert.True(byId["5jo136"].Nsfw);
        Assert.Equal("[CineShots]", byId["5jo13g"].Flair);
    }

    [Fact]
    public void Parse_UserOverview_GivesThreadsForPostsAndLooseRepliesForComments()
    {
        var page = _parser.Parse(SharedFixtures.Bytes("reddit", "praw__user_overview_comments_with_media_metadata_embedded_images__2026.json"));

        Assert.Equal(10, page.Threads.Count);
        Assert.Equal(90, page.Replies.Count);
        Assert.Equal("t1_mzqqmaw", page.Next);
        var embedded = page.Replies.Single(r => r.Id == "optfyql");
        Assert.Equal(("1tvs5jj", "optcg0g", "spez", 22), (embedded.LinkId, embedded.ParentId, embedded.Author, embedded.Score));
        Assert.Equal(["https://preview.redd.it/f1xjmxgj3d5h1.jpeg?width=1260&format=pjpg&auto=webp&s=37fed0dc065a6553fa7a291f643bf95b60907962"], embedded.Images);
        Assert.Equal(["https://preview.redd.it/hftppa7u58rg1.png?width=1080&format=png&auto=webp&s=a2aa52910ef7de84b27eea1abb94d8aa049bd6e5"],
            page.Replies.Single(r => r.Id == "ocfdez3").Images);
        Assert.All(page.Replies, r => Assert.False(string.IsNullOrEmpty(r.LinkId)));
        // A video embedded in a post is not an image.
        Assert.Empty(page.Threads.Single(t => t.Id == "1t4nr7v").Images);
    }
}
