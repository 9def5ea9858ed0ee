using Crawler.Parsers.Forums;
using Crawler.TestSupport;

namespace Crawler.Parsers.Tests.Forums;

/// <summary>The xenforo2 preset on real XenForo pages from ../shared/fixtures/forums (skipped when absent).</summary>
[SharedFixturesTrait]
public sealed class XenForoSharedFixtureTests
{
    private static readonly Uri VozPage = new("https://voz.vn/t/ban-luan-ve-cac-truyen-tien-hiep-kiem-hiep-ky-ao-ver-nextvoz.1421/");

    private readonly ForumPageParser _parser = ForumSites.Parser("xenforo2");

    private Core.Domain.ParsedThread VozThread() =>
        Assert.Single(_parser.Parse(SharedFixtures.Bytes("forums", "xenforo2.3_thread_view_voz.vn_t1421_page1.html"), VozPage).Threads);

    [Fact]
    public void Parse_VozFirstPage_GivesTheThreadWithItsTwentyRealPosts_SkippingAdBlocks()
    {
        var thread = VozThread();

        Assert.Equal("1421", thread.Id);
        Assert.Equal("trivu11", thread.Author);
        Assert.Equal(1583939276, thread.CreatedUtc);
        Assert.Equal(19, thread.Replies.Count);
        Assert.Equal("phim-nhac-sach.65", thread.Community);
        Assert.EndsWith("Bàn Luận Về Các Truyện Tiên Hiệp/Kiếm Hiệp/Kỳ Ảo (Ver NextVoz)", thread.Title, StringComparison.Ordinal);
        Assert.Equal(VozPage.AbsoluteUri, thread.Url);
        Assert.Equal("80035", thread.Replies[0].Id);
        Assert.All(thread.Replies, r => Assert.Matches("^[0-9]+$", r.Id));
        Assert.All(thread.Replies, r => Assert.False(string.IsNullOrEmpty(r.Author)));
    }

    [Fact]
    public void Parse_VozAdBlocks_AreSkippedEvenWhenThePostSelectorMatchesThem()
    {
        using var dir = new TempDir();
        File.Copy(Path.Combine(ForumSites.Shipped, "xenforo2.json"), Path.Combine(dir.Path, "xenforo2.json"));
        var path = Path.Combine(dir.Path, "loose.json");
        File.WriteAllText(path, """{ "extends": "xenforo2", "post": ".message--post" }""");
        var bytes = SharedFixtures.Bytes("forums", "xenforo2.3_thread_view_voz.vn_t1421_page1.html");
        using var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(bytes));

        var thread = Assert.Single(new ForumPageParser(ForumSite.Load(path)).Parse(bytes, VozPage).Threads);

        Assert.True(document.QuerySelectorAll(".message--post").Length > 20, "the page holds ad blocks posing as posts");
        Assert.Equal(20, 1 + thread.Replies.Count);
    }

    [Fact]
    public void Parse_VozFirstPage_GivesTheAbsoluteNextPage()
    {
        var page = _parser.Parse(SharedFixtures.Bytes("forums", "xenforo2.3_thread_view_voz.vn_t1421_page1.html"), VozPage);

        Assert.Equal("https://voz.vn/t/ban-luan-ve-cac-truyen-tien-hiep-kiem-hiep-ky-ao-ver-nextvoz.1421/page-2", page.Next);
    }

    [Fact]
    public void Parse_VozQuotingReplies_AnswerTheQuotedPost_AndLeaveTheQuoteOutOfTheirBody()
    {
        var thread = VozThread();

        var quoting = thread.Replies.Where(r => r.ParentId != thread.Id).ToList();
        Assert.NotEmpty(quoting);
        Assert.Contains(quoting, r => r.ParentId == "80035");
        Assert.All(quoting, r => Assert.DoesNotContain("Click to expand", r.Body, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_VozPosts_CountSmiliesAsNoImages()
    {
        var thread = VozThread();

        Assert.Empty(thread.Images);
        Assert.All(thread.Replies, r => Assert.Empty(r.Images));
    }

    [Fact]
    public void Parse_ForumIndex_IsNeitherThreadNorListing_SoTheLayoutChanged()
    {
        var error = Assert.Throws<LayoutChangedException>(() =>
            _parser.Parse(SharedFixtures.Bytes("forums", "xenforo2_forum_list_mothering.com_2021.html"), new Uri("https://www.mothering.com/forums/")));

        Assert.StartsWith("layout changed: xenforo2: ", error.Message, StringComparison.Ordinal);
    }
}
