using Crawler.Parsers.Wayback;

namespace Crawler.Parsers.Tests.Wayback;

public sealed class ArchivedUrlTests
{
    private static readonly Uri Archive = new("https://web.archive.org/");

    [Theory]
    [InlineData("https://web.archive.org/web/20120601083015id_/http://forum.example/threads/t.1/?a=1&b=2", "20120601083015", "http://forum.example/threads/t.1/?a=1&b=2")]
    [InlineData("https://web.archive.org/web/20120601083015im_/https://img.example/p.jpg", "20120601083015", "https://img.example/p.jpg")]
    [InlineData("https://web.archive.org/web/2012/http://forum.example/", "2012", "http://forum.example/")]
    [InlineData("https://web.archive.org/web/20120601083015/forum.example/threads/", "20120601083015", "http://forum.example/threads/")]
    [InlineData("https://web.archive.org/web/20120601083015id_/http:/forum.example/x", "20120601083015", "http://forum.example/x")]
    public void TryParse_ReadsTimestampAndOriginal_WhateverTheModifier(string url, string timestamp, string original)
    {
        Assert.True(ArchivedUrl.TryParse(new Uri(url), out var ts, out var target));

        Assert.Equal(timestamp, ts);
        Assert.Equal(original, target);
    }

    [Theory]
    [InlineData("https://web.archive.org/cdx/search/cdx?url=x")]
    [InlineData("https://web.archive.org/web/*/http://forum.example/")]
    [InlineData("https://web.archive.org/web/20120601083015id_/")]
    [InlineData("https://web.archive.org/web/20120601083015id_/ftp://forum.example/f")]
    [InlineData("https://web.archive.org/web/201206010830150/http://forum.example/")]
    public void TryParse_ReturnsFalse_WhenNotAReplayOfAnHttpUrl(string url)
    {
        Assert.False(ArchivedUrl.TryParse(new Uri(url), out _, out _));
    }

    [Theory]
    [InlineData("http://forum.example/threads/t.1/page-2?order=date&x=1")]
    [InlineData("https://forum.example/")]
    [InlineData("http://forum.example/attachments/sky-jpg.55/")]
    public void Raw_RoundTripsThroughTryParse(string original)
    {
        var raw = ArchivedUrl.Raw(Archive, "20120601083015", original);

        Assert.Equal($"https://web.archive.org/web/20120601083015id_/{original}", raw.AbsoluteUri);
        Assert.True(ArchivedUrl.TryParse(raw, out var ts, out var back));
        Assert.Equal(("20120601083015", original), (ts, back));
    }

    [Theory]
    [InlineData("http://forum.example/attachments/a-jpg.5/", "https://web.archive.org/web/20120601083015id_/http://forum.example/attachments/a-jpg.5/")]
    [InlineData(" https://img.example/p.jpg#zoom ", "https://web.archive.org/web/20120601083015id_/https://img.example/p.jpg")]
    [InlineData("//img.example/p.jpg", "https://web.archive.org/web/20120601083015id_/http://img.example/p.jpg")]
    [InlineData("/web/20110101000000im_/http://img.example/p.jpg", "https://web.archive.org/web/20110101000000id_/http://img.example/p.jpg")]
    [InlineData("https://web.archive.org/web/20110101000000/http://forum.example/t/", "https://web.archive.org/web/20110101000000id_/http://forum.example/t/")]
    [InlineData("data:image/gif;base64,R0lGODlhAQABAAAAACw=", "data:image/gif;base64,R0lGODlhAQABAAAAACw=")]
    [InlineData("mailto:admin@forum.example", "mailto:admin@forum.example")]
    [InlineData("javascript:void(0)", "javascript:void(0)")]
    [InlineData("attachments/a-jpg.5/", "attachments/a-jpg.5/")]
    public void MapLink_GivesTheRawReplayAtTheCaptureTime_OrTheLinkUnchanged(string link, string expected)
    {
        Assert.Equal(expected, ArchivedUrl.MapLink(Archive, "20120601083015", link));
    }
}
