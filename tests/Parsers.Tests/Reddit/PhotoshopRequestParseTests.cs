using Crawler.Parsers.Reddit;

namespace Crawler.Parsers.Tests.Reddit;

/// <summary>Parsing the shapes r/PhotoshopRequest produces: galleries, comment-embedded edits, the psr-bot sticky, flairs.</summary>
public sealed class PhotoshopRequestParseTests
{
    [Fact]
    public void Parse_GalleryRequest_GivesImagesInGalleryOrderAndEveryReplyFlattened()
    {
        var thread = PhotoshopRequestFixtures.GalleryThread();

        Assert.Equal(("1c9x2kq", "sunny_daisy_42", "PhotoshopRequest", "Solved ✅", 1713800000L), (thread.Id, thread.Author, thread.Community, thread.Flair, thread.CreatedUtc));
        Assert.Equal(PhotoshopRequestFixtures.GalleryImages, thread.Images);
        Assert.Equal(12, thread.Replies.Count);
        Assert.Equal(["l0qj2ab", "l0qk7cd", "l0ql1ef"], thread.More);
        Assert.Equal(["https://i.redd.it/8x2k1m9vq3wc1.jpg"], thread.Replies.Single(r => r.Author == "psr-bot").Images);
    }

    [Fact]
    public void Parse_CommentWithEmbeddedImage_GivesTheMediaMetadataSourceInsteadOfTheDownsizedLink()
    {
        var edit = PhotoshopRequestFixtures.GalleryThread().Replies.Single(r => r.Id == "l0q6c3b");

        Assert.Equal(("pixel_wizard", 45, "1c9x2kq"), (edit.Author, edit.Score, edit.ParentId));
        Assert.Equal(["https://preview.redd.it/k2j8d0b3r3wc1.jpeg?width=3024&format=pjpg&auto=webp&s=12199eaeececacdab772a291cb8efab781ba53ff"], edit.Images);
    }

    [Fact]
    public void Parse_CommentLinks_GiveMarkdownAndBareImageLinksInOrder()
    {
        var thread = PhotoshopRequestFixtures.GalleryThread();

        Assert.Equal(["https://i.imgur.com/Qz3wR8t.jpeg", "https://i.imgur.com/Lm9pX2c.png"], thread.Replies.Single(r => r.Id == "l0q7d4c").Images);
        Assert.Equal("l0qb18g", thread.Replies.Single(r => r.Id == "l0qc29h").ParentId);
    }

    [Fact]
    public void Parse_DeletedComment_HasNoAuthorBodyOrImages_AndADeletedAccountKeepsItsText()
    {
        var thread = PhotoshopRequestFixtures.GalleryThread();

        var deleted = thread.Replies.Single(r => r.Id == "l0qe4bj");
        Assert.Equal((true, null, "", 0), (deleted.Deleted, deleted.Author, deleted.Body, deleted.Images.Count));
        var orphan = thread.Replies.Single(r => r.Id == "l0qf5ck");
        Assert.Equal((false, null), (orphan.Deleted, orphan.Author));
        Assert.Equal(["https://i.imgur.com/Pq7rT2w.jpg"], orphan.Images);
    }

    [Fact]
    public void Parse_MoreChildrenAnswer_GivesRepliesAnimatedEmbedsAndDeeperStubs()
    {
        var page = PhotoshopRequestFixtures.GalleryMoreChildren();

        Assert.Equal(["l0qj2ab", "l0qk7cd", "l0ql1ef"], page.Replies.Select(r => r.Id));
        Assert.All(page.Replies, r => Assert.Equal("1c9x2kq", r.LinkId));
        Assert.Equal(["https://i.redd.it/w5h8j2k4t3wc1.png"], page.Replies[0].Images);
        Assert.Equal(["https://i.redd.it/z9c4m1n5t3wc1.gif"], page.Replies[2].Images);
        Assert.Equal(["l0qm2fg"], page.More);
    }

    [Fact]
    public void Merge_AddsTheExpandedReplies_AndKeepsOnlyTheIdsStillMissing()
    {
        var merged = RedditMoreChildren.Merge(PhotoshopRequestFixtures.GalleryThread(), [PhotoshopRequestFixtures.GalleryMoreChildren()]);

        Assert.Equal(15, merged.Replies.Count);
        Assert.Equal(["l0qm2fg"], merged.More);
        Assert.Equal(merged.Replies.Count, merged.Replies.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void Parse_PhotoshopRequestListing_GivesRequestsWithFlairsNsfwAndRemovals()
    {
        var page = new RedditJsonParser().Parse(PhotoshopRequestFixtures.Bytes("psr_listing_new.json"));

        Assert.Equal(["1c9x2kq", "1ca0b7m", "1ca1d3n", "1ca2e4p", "1ca3f5q"], page.Threads.Select(t => t.Id));
        Assert.Equal("t3_1ca3f5q", page.Next);
        var byId = page.Threads.ToDictionary(t => t.Id);
        Assert.Equal(PhotoshopRequestFixtures.GalleryImages, byId["1c9x2kq"].Images);
        Assert.Equal(["https://i.redd.it/m3n8b1c6u3wc1.jpeg"], byId["1ca0b7m"].Images);
        Assert.Equal("Paid", byId["1ca0b7m"].Flair);
        Assert.Equal(["https://i.imgur.com/Gh5jK2l.jpg", "https://imgur.com/a/Rt7yU3p"], byId["1ca1d3n"].Images);
        Assert.Equal("Free", byId["1ca1d3n"].Flair);
        Assert.True(byId["1ca2e4p"].Nsfw);
        Assert.Equal((true, "camera_shy_carl", 0), (byId["1ca3f5q"].Deleted, byId["1ca3f5q"].Author, byId["1ca3f5q"].Images.Count));
    }

    [Fact]
    public void Parse_OldRedditPhotoshopRequestPage_GivesTheStickyTheEditsAndTheRemovedComment()
    {
        var thread = PhotoshopRequestFixtures.OldRedditThread();

        Assert.Equal(("1ca0b7m", "dog_dad_88", "Paid - Solved", 1713800600L), (thread.Id, thread.Author, thread.Flair, thread.CreatedUtc));
        Assert.Equal(["https://i.redd.it/m3n8b1c6u3wc1.jpeg"], thread.Images);
        Assert.Equal("https://www.reddit.com/r/PhotoshopRequest/comments/1ca0b7m/please_make_this_photo_of_my_dog_look_professional/", thread.Url);
        Assert.Equal(["l0r1a2b", "l0r2b3c", "l0r3c4d", "l0r4d5e", "l0r5e6f"], thread.Replies.Select(r => r.Id));
        Assert.Equal(["l0r6f7g", "l0r7g8h"], thread.More);
        var edit = thread.Replies[1];
        Assert.Equal(("lens_lord", 31, "1ca0b7m"), (edit.Author, edit.Score, edit.ParentId));
        Assert.Equal(["https://i.imgur.com/Vb6nM1q.jpeg"], edit.Images);
        Assert.Equal(("l0r2b3c", "This one! Sending the tip now"), (thread.Replies[2].ParentId, thread.Replies[2].Body));
        var removed = thread.Replies[3];
        Assert.Equal((true, null, "", 0), (removed.Deleted, removed.Author, removed.Body, removed.Images.Count));
        Assert.Equal("Went for a soft blurred background instead", thread.Replies[4].Body);
        Assert.Equal(["https://i.redd.it/r7s9t1u3v3wc1.png"], thread.Replies[4].Images);
    }
}
