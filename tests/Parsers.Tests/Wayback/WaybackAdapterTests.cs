using System.Text;
using Crawler.Parsers.Forums;
using Crawler.Parsers.Reddit;
using Crawler.Parsers.Tests.Forums;
using Crawler.Parsers.Wayback;

namespace Crawler.Parsers.Tests.Wayback;

/// <summary>An archived XenForo forum read through the xenforo2 preset at its original address, from raw captures.</summary>
public sealed class WaybackAdapterTests
{
    private static readonly Uri Archive = new("https://web.archive.org/");
    private const string Page = "https://forum.example/forum/threads/remove-the-lamp-post.4242/";

    private static WaybackAdapter Adapter() => new(ArchivedForum(), Archive, new RedditPairingOptions());

    // xenforo2 is a preset without an address; an archived forum's site file gives the one the archive knows.
    private static ForumSite ArchivedForum()
    {
        using var dir = new TestSupport.TempDir();
        File.Copy(Path.Combine(ForumSites.Shipped, "xenforo2.json"), Path.Combine(dir.Path, "xenforo2.json"));
        var path = Path.Combine(dir.Path, "archived.json");
        File.WriteAllText(path, """{ "extends": "xenforo2", "baseUrl": "https://forum.example/forum/" }""");
        return ForumSite.Load(path);
    }

    [Fact]
    public void Parse_ReadsTheCaptureAsTheOriginalPage_AndTurnsEveryImageIntoItsRawReplayAtTheCapturesTime()
    {
        var replay = ArchivedUrl.Raw(Archive, "20160501120000", Page);

        var page = Adapter().Parser.Parse(ForumSites.Fixture("xenforo2_images_thread.html"), replay);

        var thread = Assert.Single(page.Threads);
        Assert.Equal("4242", thread.Id);
        Assert.Equal(
        [
            "https://web.archive.org/web/20160501120000id_/https://forum.example/forum/attachments/beach-jpg.501/",
            "https://web.archive.org/web/20160501120000id_/https://img.example/second.png",
            "https://web.archive.org/web/20160501120000id_/https://forum.example/forum/attachments/sky-png.502/",
        ], thread.Images);
        Assert.All(thread.Replies.SelectMany(r => r.Images), i => Assert.StartsWith("https://web.archive.org/web/20160501120000id_/", i, StringComparison.Ordinal));
        Assert.Equal(replay.AbsoluteUri, thread.Url);
        Assert.Equal($"https://web.archive.org/web/20160501120000id_/{Page}page-2", page.Next);
    }

    [Fact]
    public void Parse_RefusesAPageThatIsNotAReplay_NamingItsUrl()
    {
        var error = Assert.Throws<PageFormatException>(() => Adapter().Parser.Parse(ForumSites.Fixture("xenforo2_images_thread.html"), new Uri(Page)));

        Assert.Equal($"not a Wayback Machine replay URL: {Page}", error.Message);
    }

    [Fact]
    public void Threads_ListsEachThreadOnce_FromItsFirstPagesCapture_AndSkipsWhatIsNotAThread()
    {
        var cdx = CdxPage.Parse(Encoding.UTF8.GetBytes("""
            [["urlkey","timestamp","original","mimetype","statuscode","digest"],
             ["example,forum)/forum/threads/a.7/page-2","20160101000000","https://forum.example/forum/threads/a.7/page-2","text/html","200","D1"],
             ["example,forum)/forum/threads/a.7","20160102000000","https://forum.example/forum/threads/a.7/","text/html","200","D2"],
             ["example,forum)/forum/threads/b.8/page-3","20160103000000","https://forum.example/forum/threads/b.8/page-3","text/html","200","D3"],
             ["example,forum)/forum/threads/","20160104000000","https://forum.example/forum/threads/","text/html","200","D4"]]
            """));

        var threads = Adapter().Threads(cdx, "requests", Archive);

        Assert.Equal(
            ["7 requests https://web.archive.org/web/20160102000000id_/https://forum.example/forum/threads/a.7/",
             "8 requests https://web.archive.org/web/20160103000000id_/https://forum.example/forum/threads/b.8/page-3"],
            threads.Select(t => $"{t.Id} {t.Community} {t.Url}"));
        Assert.Equal(DateTimeOffset.Parse("2016-01-02T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds(), threads[0].CreatedUtc);
    }

    [Fact]
    public void ListingUrl_SearchesTheCdxForHtmlCapturesUnderTheThreadPath_FromTheResumeKey()
    {
        var url = Adapter().ListingUrl(Archive, "requests", "example%2Cforum%29%2Fforum%2Fthreads%2Fb.8+20160103000000");

        var query = Uri.UnescapeDataString(url.Query).TrimStart('?').Split('&');
        Assert.Equal("https://web.archive.org/cdx/search/cdx", url.GetLeftPart(UriPartial.Path));
        Assert.Contains("url=forum.example/forum/threads/", query);
        Assert.Contains("matchType=prefix", query);
        Assert.Contains("filter=statuscode:200", query);
        Assert.Contains("filter=mimetype:text/html", query);
        Assert.Contains("resumeKey=example%2Cforum%29%2Fforum%2Fthreads%2Fb.8+20160103000000", query);
    }
}
