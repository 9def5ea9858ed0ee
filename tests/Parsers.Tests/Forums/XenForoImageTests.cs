using Crawler.Core.Domain;

namespace Crawler.Parsers.Tests.Forums;

/// <summary>The xenforo2 preset on pages written for these tests, one kind of XenForo 2 image markup each.</summary>
public sealed class XenForoImageTests
{
    private static readonly Uri ThreadPage = new("https://forum.example/forum/threads/remove-the-lamp-post.4242/");

    private static ParsedThread Thread() =>
        Assert.Single(ForumSites.Parser("xenforo2").Parse(ForumSites.Fixture("xenforo2_images_thread.html"), ThreadPage).Threads);

    [Fact]
    public void Parse_FirstPost_GivesFullSizeImages_LightboxAndDataUrlFirst_ThenAttachmentsOnce()
    {
        var thread = Thread();

        Assert.Equal(
        [
            "https://forum.example/forum/attachments/beach-jpg.501/",
            "https://img.example/second.png",
            "https://forum.example/forum/attachments/sky-png.502/",
        ], thread.Images);
    }

    [Fact]
    public void Parse_FirstPost_LeavesOutSmiliesAvatarsAndSignatureImages()
    {
        var images = Thread().Images;

        Assert.DoesNotContain(images, i => i.Contains("smilies", StringComparison.Ordinal));
        Assert.DoesNotContain(images, i => i.Contains("avatars", StringComparison.Ordinal));
        Assert.DoesNotContain("https://img.example/banner.png", images);
        Assert.DoesNotContain(images, i => i.Contains("thumb", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_Thread_ReadsTheRequestFromTheFirstPost_AndSkipsTheAdWithoutAuthor()
    {
        var thread = Thread();

        Assert.Equal("4242", thread.Id);
        Assert.Equal("photo-requests.12", thread.Community);
        Assert.Equal("Remove the lamp post", thread.Title);
        Assert.Equal("asker", thread.Author);
        Assert.Equal(1619863200, thread.CreatedUtc);
        Assert.Equal("Please remove the lamp post", thread.Body);
        Assert.DoesNotContain("My portfolio", thread.Body, StringComparison.Ordinal);
        Assert.Equal(["101", "102"], thread.Replies.Select(r => r.Id));
        Assert.Equal("https://forum.example/forum/threads/remove-the-lamp-post.4242/page-2", ForumSites.Parser("xenforo2").Parse(ForumSites.Fixture("xenforo2_images_thread.html"), ThreadPage).Next);
    }

    [Fact]
    public void Parse_QuotingReply_AnswersTheQuotedPost_WithoutTheQuotesTextOrImage()
    {
        var reply = Thread().Replies.Single(r => r.Id == "101");

        Assert.Equal("100", reply.ParentId);
        Assert.Equal("Here you go", reply.Body);
        Assert.Equal(["https://img.example/edit1.jpg"], reply.Images);
        Assert.Equal(5, reply.Score); // two reactors named, three more counted
    }

    [Fact]
    public void Parse_ReplyQuotingNothing_AnswersTheThread()
    {
        var thread = Thread();

        Assert.Equal(thread.Id, thread.Replies.Single(r => r.Id == "102").ParentId);
    }

    [Fact]
    public void Parse_LaterPage_GivesLooseRepliesNamingTheThread_AndNoThread()
    {
        var page = ForumSites.Parser("xenforo2").Parse(ForumSites.Fixture("xenforo2_later_page.html"), new Uri(ThreadPage, "page-2"));

        Assert.Empty(page.Threads);
        Assert.Null(page.Next);
        Assert.Equal(["120", "121"], page.Replies.Select(r => r.Id));
        Assert.All(page.Replies, r => Assert.Equal("4242", r.LinkId));
        Assert.Equal(["https://img.example/edit2.jpg"], page.Replies[0].Images);
    }

    [Fact]
    public void Parse_Listing_GivesOneThreadPerRow_WithoutTheSticky()
    {
        var page = ForumSites.Parser("xenforo2").Parse(ForumSites.Fixture("xenforo2_listing.html"), new Uri("https://forum.example/forum/forums/photo-requests.12/"));

        Assert.Equal(["4242", "4243"], page.Threads.Select(t => t.Id));
        var first = page.Threads[0];
        Assert.Equal("Remove the lamp post", first.Title);
        Assert.Equal("asker", first.Author);
        Assert.Equal(1619863200, first.CreatedUtc);
        Assert.Equal("https://forum.example/forum/threads/remove-the-lamp-post.4242/", first.Url);
        Assert.Equal("", first.Community);
        Assert.All(page.Threads, t => Assert.Empty(t.Replies));
        Assert.Equal("https://forum.example/forum/forums/photo-requests.12/page-2", page.Next);
    }

    [Fact]
    public void Parse_PageWhereNothingMatches_SaysTheLayoutChanged()
    {
        var html = "<!DOCTYPE html><html><body><div class=\"post\">hello</div></body></html>"u8.ToArray();

        var error = Assert.Throws<Crawler.Parsers.Forums.LayoutChangedException>(() => ForumSites.Parser("xenforo2").Parse(html, ThreadPage));

        Assert.StartsWith("layout changed: xenforo2: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_JsonInsteadOfHtml_IsAPageFormatError()
    {
        var error = Assert.Throws<PageFormatException>(() => ForumSites.Parser("xenforo2").Parse("{\"posts\": []}"u8.ToArray(), ThreadPage));

        Assert.IsNotType<Crawler.Parsers.Forums.LayoutChangedException>(error);
    }

    [Fact]
    public void Parse_ZhoppedLikeRequest_ReadsBase62IdsAndTreatsThePlaceholderAsEmpty()
    {
        var thread = Assert.Single(ForumSites.Parser("zhopped").Parse(ForumSites.Fixture("zhopped_request.html"), new Uri("http://www.zhopped.com/request/aB3xZ/")).Threads);

        Assert.Equal("aB3xZ", thread.Id);
        Assert.Equal("", thread.Body);
        Assert.Equal("Make the sky purple", thread.Title);
        Assert.Equal(["http://www.zhopped.com/fiv/aB3xZ.jpg"], thread.Images);
        var edit = Assert.Single(thread.Replies);
        Assert.Equal("Qw9Er", edit.Id);
        Assert.Equal(12, edit.Score);
        Assert.Equal(["http://www.zhopped.com/fiv/Qw9Er.jpg"], edit.Images);
    }
}
