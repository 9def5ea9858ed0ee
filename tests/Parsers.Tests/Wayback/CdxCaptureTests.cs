using Crawler.Parsers.Wayback;

namespace Crawler.Parsers.Tests.Wayback;

public sealed class CdxCaptureTests
{
    private static readonly Uri Archive = new("https://web.archive.org/");

    [Fact]
    public void ReplayUrl_IsTheRawIdReplay_KeepingTheOriginalsQuery()
    {
        var capture = new CdxCapture("example,forum)/t.1", "20120601083015", "http://forum.example/threads/t.1/page-2?order=date&x=1", "text/html", 200, null);

        Assert.Equal("https://web.archive.org/web/20120601083015id_/http://forum.example/threads/t.1/page-2?order=date&x=1", capture.ReplayUrl(Archive).AbsoluteUri);
    }

    [Fact]
    public void ReplayUrl_KeepsTheArchiveBasePath_WhenTheArchiveIsMountedBelowTheRoot()
    {
        var capture = new CdxCapture("k", "20120601083015", "https://forum.example/", null, 200, null);

        Assert.Equal("http://127.0.0.1:5000/archive/web/20120601083015id_/https://forum.example/", capture.ReplayUrl(new Uri("http://127.0.0.1:5000/archive/")).AbsoluteUri);
    }

    [Fact]
    public void CapturedUtc_IsTheTimestampInUnixSeconds()
    {
        var capture = new CdxCapture("k", "20120601083015", "http://forum.example/", null, 200, null);

        Assert.Equal(new DateTimeOffset(2012, 6, 1, 8, 30, 15, TimeSpan.Zero).ToUnixTimeSeconds(), capture.CapturedUtc);
    }

    [Fact]
    public void CapturedUtc_Throws_WhenTheTimestampIsShort()
    {
        var capture = new CdxCapture("k", "201206", "http://forum.example/", null, 200, null);

        Assert.Throws<FormatException>(() => capture.CapturedUtc);
    }
}
