using System.Text;
using Crawler.Parsers.Wayback;
using Crawler.TestSupport.Wayback;

namespace Crawler.Worker.Tests.LoopbackSites;

public sealed class WaybackCdxRoundTripTests
{
    [Fact]
    public async Task CdxQueryPages_ReadByCdxPage_ListEveryHtmlUrlOnce_ThroughTheResumeKey()
    {
        await using var archive = await WaybackServer.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            archive.AddCapture($"http://forum.example/threads/t.{i}/", "20100101000000", Encoding.UTF8.GetBytes($"page {i}"), "text/html; charset=utf-8");
            archive.AddCapture($"http://forum.example/threads/t.{i}/", "20110101000000", Encoding.UTF8.GetBytes($"page {i} later"), "text/html");
        }
        archive.AddCapture("http://forum.example/threads/t.9/", "20100101000000", [0xFF, 0xD8, 0xFF], "image/jpeg");
        archive.AddCapture("http://forum.example/threads/t.8/", "20100101000000", [], "text/html", status: 404);
        var query = new CdxQuery(archive.BaseUrl, "forum.example/threads/") { Limit = 2, MimeType = "text/html" };
        using var http = new HttpClient();

        var captures = new List<CdxCapture>();
        string? resumeKey = null;
        var pages = 0;
        do
        {
            var page = CdxPage.Parse(await http.GetByteArrayAsync(query.Url(resumeKey)));
            captures.AddRange(page.Captures);
            resumeKey = page.ResumeKey;
            pages++;
        }
        while (resumeKey is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"http://forum.example/threads/t.{i}/"), captures.Select(c => c.Original));
        Assert.All(captures, c => Assert.Equal("20100101000000", c.Timestamp));
        Assert.Equal("page 3", await http.GetStringAsync(captures[3].ReplayUrl(archive.BaseUrl)));
    }
}
