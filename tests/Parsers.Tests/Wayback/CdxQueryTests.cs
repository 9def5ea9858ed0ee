using Crawler.Parsers.Wayback;

namespace Crawler.Parsers.Tests.Wayback;

public sealed class CdxQueryTests
{
    private const string Fixed = "&output=json&fl=urlkey,timestamp,original,mimetype,statuscode,digest&filter=statuscode:200&collapse=urlkey";
    private static readonly Uri Archive = new("https://web.archive.org/");

    [Fact]
    public void Url_AsksForCollapsedSuccessfulCapturesWithAResumeKey_OnTheFirstPage()
    {
        var url = new CdxQuery(Archive, "forum.example/threads/") { Limit = 500 }.Url(resumeKey: null);

        Assert.Equal($"https://web.archive.org/cdx/search/cdx?url=forum.example/threads/&matchType=prefix{Fixed}&limit=500&showResumeKey=true", url.AbsoluteUri);
    }

    [Fact]
    public void Url_EscapesTheResumeKeyAndUrl_SoTheServerReadsThemBackUnchanged()
    {
        const string key = "example,forum)/t?a=1&b=2 20120601083015+x%2F";
        var url = new CdxQuery(Archive, "http://forum.example/a b?x=1&y=2#top") { MatchType = CdxMatchType.Exact, Limit = 10 }.Url(key);

        Assert.Equal(
            $"https://web.archive.org/cdx/search/cdx?url=http://forum.example/a%20b%3Fx%3D1%26y%3D2%23top&matchType=exact{Fixed}&limit=10&showResumeKey=true&resumeKey=example,forum%29/t%3Fa%3D1%26b%3D2%2020120601083015%2Bx%252F",
            url.AbsoluteUri);
        var resumeKey = url.Query.Split('&').Single(p => p.StartsWith("resumeKey=", StringComparison.Ordinal))["resumeKey=".Length..];
        Assert.Equal(key, Uri.UnescapeDataString(resumeKey));
    }

    [Fact]
    public void Url_AddsFromAndALiteralMimeTypeFilter_WhenSet()
    {
        var url = new CdxQuery(Archive, "forum.example") { MatchType = CdxMatchType.Domain, Limit = 5, From = "2011", MimeType = "image/svg+xml" }.Url("k");

        Assert.EndsWith("&matchType=domain" + Fixed + "&limit=5&showResumeKey=true&resumeKey=k&from=2011&filter=mimetype:image/svg%5C%2Bxml", url.AbsoluteUri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, null, "CDX limit must be positive, not 0")]
    [InlineData(10, "2011-01", "CDX 'from' must be 1 to 14 digits of yyyyMMddHHmmss, not '2011-01'")]
    [InlineData(10, "201101010000001", "not '201101010000001'")]
    public void Url_Throws_WhenLimitOrFromIsInvalid(int limit, string? from, string expected)
    {
        var query = new CdxQuery(Archive, "forum.example") { Limit = limit, From = from };

        var error = Assert.Throws<ArgumentException>(() => query.Url(null));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
