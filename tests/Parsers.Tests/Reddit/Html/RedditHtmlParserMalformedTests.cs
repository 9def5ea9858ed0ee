using System.Text;
using Crawler.Parsers.Reddit.Html;

namespace Crawler.Parsers.Tests.Reddit.Html;

public sealed class RedditHtmlParserMalformedTests
{
    private const string Footer = "<div class=\"footer-parent\"></div></body></html>";

    private readonly RedditHtmlParser _parser = new();

    [Theory]
    [InlineData("<html><body><p>Just a page</p></body></html>", "not a Reddit page")]
    [InlineData("<html><body><div id=\"siteTable\"><div class=\" thing link \" data-type=\"link\">", "truncated HTML")]
    [InlineData("<html><body><div class=\"commentarea\"></div>" + Footer, "a comments page without its post")]
    [InlineData("<html><body><div id=\"siteTable\"><div class=\" thing link \" data-type=\"link\"></div></div>" + Footer, "a link row without data-fullname")]
    [InlineData("<html><body><shreddit-post post-title=\"x\"></shreddit-post></body></html>", "a <shreddit-post> without its id attribute")]
    public void Parse_ThrowsPageFormatException_SayingWhatIsWrong(string html, string expected)
    {
        var error = Assert.Throws<PageFormatException>(() => _parser.Parse(Encoding.UTF8.GetBytes(html)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RejectsUnexpectedThingsAmongComments_AndStubsWithoutIds()
    {
        var page = PhotoshopRequestFixtures.Bytes("psr_oldreddit_comments__1ca0b7m.html");
        var html = Encoding.UTF8.GetString(page);

        var unexpected = html.Replace("data-fullname=\"t1_l0r5e6f\" data-type=\"comment\"", "data-fullname=\"t1_l0r5e6f\" data-type=\"poll\"", StringComparison.Ordinal);
        var noIds = html.Replace("onclick=\"return morechildren(this, 't3_1ca0b7m', 'confidence', 'l0r6f7g,l0r7g8h', 0)\"", "", StringComparison.Ordinal);

        Assert.Contains("unexpected thing 'poll' among the comments",
            Assert.Throws<PageFormatException>(() => _parser.Parse(Encoding.UTF8.GetBytes(unexpected))).Message, StringComparison.Ordinal);
        Assert.Contains("(t1_l0r6f7g) without its morechildren ids",
            Assert.Throws<PageFormatException>(() => _parser.Parse(Encoding.UTF8.GetBytes(noIds))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RejectsAPageCutOffMidway()
    {
        var page = PhotoshopRequestFixtures.Bytes("psr_oldreddit_comments__1ca0b7m.html");

        var error = Assert.Throws<PageFormatException>(() => _parser.Parse(page.AsMemory(0, page.Length / 2)));

        Assert.Equal("truncated HTML: the page ends before </html>", error.Message);
    }

    [Fact]
    public void Parse_RefusesAMillionNestedElements_AtOnce()
    {
        const int Depth = 1_000_000;
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", Depth)) + string.Concat(Enumerable.Repeat("</div>", Depth)) + "</body></html>";

        var error = Assert.Throws<PageFormatException>(() => _parser.Parse(Encoding.UTF8.GetBytes(html)));

        // The tree builder is never reached: it would take hours over this page.
        Assert.Equal("elements nested deeper than 256 (at byte 1292): not a page a site would send", error.Message);
    }

    [Fact]
    public void Parse_RefusesAPageOverTheSizeLimit_BeforeDecodingIt()
    {
        var page = new byte[(16 << 20) + 1];

        var error = Assert.Throws<PageFormatException>(() => _parser.Parse(page));

        Assert.Equal("too large for an HTML page: 16,777,217 bytes, over the limit of 16,777,216", error.Message);
    }
}
