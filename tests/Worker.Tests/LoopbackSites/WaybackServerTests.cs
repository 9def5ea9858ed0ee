using System.Net;
using System.Text;
using System.Text.Json;
using Crawler.TestSupport.Wayback;

namespace Crawler.Worker.Tests.LoopbackSites;

public sealed class WaybackServerTests
{
    [Fact]
    public async Task Cdx_PagesCollapsedCapturesWithAResumeKey_UntilNoneRemain()
    {
        await using var archive = await WaybackServer.StartAsync();
        foreach (var (thread, ts) in new[] { ("a.1", "20100101000000"), ("a.1", "20110101000000"), ("b.2", "20100202000000"), ("c.3", "20100303000000") })
        {
            archive.AddCapture($"http://forum.example/threads/{thread}/", ts, Encoding.UTF8.GetBytes(thread), "text/html");
        }
        using var http = new HttpClient();
        var cdx = new Uri(archive.BaseUrl, "cdx/search/cdx?url=forum.example/threads/&matchType=prefix&output=json&fl=original,timestamp&collapse=urlkey&filter=statuscode:200&limit=2&showResumeKey=true");

        var first = JsonSerializer.Deserialize<string[][]>(await http.GetStringAsync(cdx))!;
        var second = JsonSerializer.Deserialize<string[][]>(await http.GetStringAsync(cdx + "&resumeKey=" + Uri.EscapeDataString(first[^1][0])))!;

        Assert.Equal(["original", "timestamp"], first[0]);
        Assert.Equal(["http://forum.example/threads/a.1/", "20100101000000"], first[1]);
        Assert.Equal("http://forum.example/threads/b.2/", first[2][0]);
        Assert.Empty(first[3]);
        Assert.Equal(5, first.Length);
        Assert.Equal(2, second.Length);
        Assert.Equal("http://forum.example/threads/c.3/", second[1][0]);
        Assert.Equal(2, archive.Count(WaybackRequestKind.Cdx));
    }

    [Fact]
    public async Task RawReplay_RedirectsToTheNearestCapture_AndServesItsExactBytes()
    {
        await using var archive = await WaybackServer.StartAsync();
        const string page = "http://forum.example/threads/a.1/";
        archive.AddCapture(page, "20100101000000", Encoding.UTF8.GetBytes("<html><body><a href=\"/x\">old</a></body></html>"), "text/html");
        archive.AddCapture(page, "20120101000000", Encoding.UTF8.GetBytes("<html><body>new</body></html>"), "text/html");
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var redirect = await http.GetAsync(archive.RawUrl("20100301000000", page));
        var raw = await http.GetStringAsync(redirect.Headers.Location);
        var rewritten = await http.GetStringAsync(new Uri(archive.BaseUrl, $"web/20100101000000/{page}"));
        using var missing = await http.GetAsync(archive.RawUrl("20100101000000", "http://forum.example/never/"));

        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        Assert.Equal(archive.RawUrl("20100101000000", page), redirect.Headers.Location);
        Assert.Equal("<html><body><a href=\"/x\">old</a></body></html>", raw);
        Assert.Contains("<!-- BEGIN WAYBACK TOOLBAR INSERT -->", rewritten, StringComparison.Ordinal);
        Assert.Contains("href=\"/web/20100101000000/http://forum.example/x\"", rewritten, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(3, archive.Count(WaybackRequestKind.Raw));
        Assert.Equal(1, archive.Count(WaybackRequestKind.Rewritten));
    }
}
