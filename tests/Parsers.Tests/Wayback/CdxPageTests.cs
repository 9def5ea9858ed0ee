using System.Text;
using Crawler.Parsers.Wayback;

namespace Crawler.Parsers.Tests.Wayback;

public sealed class CdxPageTests
{
    [Fact]
    public void Parse_ReadsCapturesAndResumeKey_WhenThePageEndsWithTheKeyRow()
    {
        var page = CdxPage.Parse(WaybackFixtures.Bytes("cdx_page_with_resume_key.json"));

        Assert.Equal(
            ["http://forum.example:80/threads/lighten-my-photo.101/", "http://www.forum.example/threads/remove-the-car.102/", "http://forum.example/threads/remove-the-car.102/page-2?order=date&x=1"],
            page.Captures.Select(c => c.Original));
        Assert.Equal("example%2Cforum%29%2Fthreads%2Fremove-the-car.102%2Fpage-2+20120601083015", page.ResumeKey);
        var first = page.Captures[0];
        Assert.Equal(new CdxCapture("example,forum)/threads/lighten-my-photo.101", "20110304052233", "http://forum.example:80/threads/lighten-my-photo.101/", "text/html", 200, "3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ"), first);
    }

    [Fact]
    public void Parse_MapsColumnsByHeaderName_WhenFieldsAreReorderedAndExtra()
    {
        var page = CdxPage.Parse(WaybackFixtures.Bytes("cdx_reordered_fields.json"));

        Assert.Null(page.ResumeKey);
        Assert.Equal(
            [
                new CdxCapture("example,forum)/attachments/sky-jpg.55", "20090102030405", "http://forum.example/attachments/sky-jpg.55/", "image/jpeg", 200, "AAAABBBBCCCCDDDDEEEEFFFFGGGGHHHH"),
                new CdxCapture("example,forum)/threads/sky.9", "20090102030000", "http://forum.example/threads/sky.9/", "text/html", 200, "ZZZZYYYYXXXXWWWWVVVVUUUUTTTTSSSS"),
            ],
            page.Captures);
    }

    [Fact]
    public void Parse_SkipsRowsThatAreNotReplayableCaptures_AndReadsDashAsNull()
    {
        var page = CdxPage.Parse(WaybackFixtures.Bytes("cdx_skipped_rows.json"));

        Assert.Equal(["example,forum)/threads/a.1", "example,forum)/threads/e.5"], page.Captures.Select(c => c.UrlKey));
        Assert.Null(page.Captures[1].MimeType);
        Assert.Null(page.Captures[1].Digest);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n")]
    [InlineData("[]")]
    [InlineData("[[\"urlkey\",\"timestamp\",\"original\",\"mimetype\",\"statuscode\",\"digest\"]]")]
    public void Parse_ReturnsNoCaptures_WhenTheAnswerIsEmpty(string body)
    {
        var page = CdxPage.Parse(Encoding.UTF8.GetBytes(body));

        Assert.Empty(page.Captures);
        Assert.Null(page.ResumeKey);
    }

    [Theory]
    [InlineData("[[\"urlkey\",\"timestamp\"", "malformed JSON")]
    [InlineData("{\"error\": \"blocked\"}", "a CDX answer is an array of rows, not a JSON object")]
    [InlineData("[[\"urlkey\",\"timestamp\",\"original\",\"statuscode\"], \"x\"]", "CDX row 1 is a JSON string, not an array")]
    [InlineData("[[\"urlkey\",\"timestamp\",\"mimetype\"]]", "lacks original, statuscode")]
    [InlineData("[[\"urlkey\",\"timestamp\",\"original\",\"statuscode\"], [\"a)/\",\"20100101000000\",\"http://a/\"]]", "CDX row 1 has 3 fields, the header names 4")]
    [InlineData("[[\"urlkey\",\"timestamp\",\"original\",\"statuscode\"], [\"a)/\",\"20100101000000\",\"http://a/\",200]]", "CDX row 1 holds a JSON number")]
    [InlineData("[[\"urlkey\",\"timestamp\",\"original\",\"statuscode\"], [], [\"k1\", \"k2\"]]", "CDX row 1 is empty but is not followed by a last row holding only the resume key")]
    [InlineData("[[\"urlkey\",\"timestamp\",\"original\",\"statuscode\"], []]", "CDX row 1 is empty")]
    [InlineData("[[\"urlkey\",\"timestamp\",\"original\",\"statuscode\"], [], [\"key\"], [\"a)/\",\"20100101000000\",\"http://a/\",\"200\"]]", "CDX row 1 is empty")]
    public void Parse_ThrowsPageFormatException_SayingWhatIsWrong(string body, string expected)
    {
        var error = Assert.Throws<PageFormatException>(() => CdxPage.Parse(Encoding.UTF8.GetBytes(body)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
