using Crawler.Parsers.Forums;
using Crawler.Parsers.Reddit;

namespace Crawler.Parsers.Tests.Forums;

/// <summary>A forum's URLs from its site file's templates.</summary>
public sealed class ForumAdapterTests
{
    private static readonly Uri Base = new("https://www.photoshopgurus.com/forum/");

    private readonly ForumAdapter _adapter = new(ForumSites.Load("photoshopgurus"), new RedditPairingOptions());

    [Fact]
    public void ListingUrl_FirstPage_IsTheBoardUnderTheBaseUrlsPath()
    {
        Assert.Equal("https://www.photoshopgurus.com/forum/forums/photo-requests.12/", _adapter.ListingUrl(Base, "photo-requests.12", null).AbsoluteUri);
    }

    [Fact]
    public void ListingUrl_WithAnAbsoluteNext_IsThatPage()
    {
        const string next = "https://www.photoshopgurus.com/forum/forums/photo-requests.12/page-2";

        Assert.Equal(next, _adapter.ListingUrl(Base, "photo-requests.12", next).AbsoluteUri);
    }

    [Fact]
    public void ThreadAndReplyUrls_FollowTheTemplates()
    {
        var thread = _adapter.ThreadUrl(Base, "photo-requests.12", "4242").AbsoluteUri;

        Assert.Equal("https://www.photoshopgurus.com/forum/threads/4242/", thread);
        Assert.Equal("https://www.photoshopgurus.com/forum/threads/4242/post-101", _adapter.ReplyUrl(thread, "101"));
        Assert.Equal("photoshopgurus", _adapter.Site);
        Assert.Equal("photoshopgurus", _adapter.Parser.Name);
    }

    [Fact]
    public void Parse_PostsWithoutIdOrAuthor_SayTheLayoutChanged()
    {
        var html = "<!DOCTYPE html><html><body><article class=\"message message--post\" data-author=\"x\">hi</article></body></html>"u8.ToArray();

        var error = Assert.Throws<LayoutChangedException>(() => _adapter.Parser.Parse(html, Base));

        Assert.StartsWith("layout changed: photoshopgurus: 1 elements match post", error.Message, StringComparison.Ordinal);
    }
}
