using System.Text;
using Crawler.Parsers.Reddit.Dumps;

namespace Crawler.Parsers.Tests.Reddit.Dumps;

public sealed class PushshiftParserMalformedTests
{
    private const string Good = "{\"id\":\"abc\",\"title\":\"t\",\"subreddit\":\"PhotoshopRequest\",\"created_utc\":1}";

    private readonly PushshiftParser _parser = new();

    [Theory]
    [InlineData(Good + "\n{\"id\":\"abd\",\"title\":", "line 2: malformed JSON")]
    [InlineData("[1,2]", "line 1: expected a JSON object, found array")]
    [InlineData(Good + "\n\n{\"id\":\"c1\",\"subreddit\":\"x\"}", "line 3: neither a submission (no title) nor a comment (no body and link_id)")]
    [InlineData("{\"title\":\"no id\"}", "line 1: t3 post without an id")]
    [InlineData("{\"body\":\"hi\",\"link_id\":\"t3_abc\"}", "line 1: t1 comment without an id")]
    public void Parse_ThrowsPageFormatException_NamingTheLine(string ndjson, string expected)
    {
        var error = Assert.Throws<PageFormatException>(() => _parser.Parse(Encoding.UTF8.GetBytes(ndjson)));

        Assert.Equal(expected, error.Message[..Math.Min(error.Message.Length, expected.Length)]);
    }

    [Theory]
    [InlineData("{\"id\":\"abc\",\"title\":\"\\ud83d\",\"subreddit\":\"x\"}", "malformed JSON (byte 21): lone surrogate escape \\ud83d")]
    [InlineData("{\"id\":\"abc\",\"title\":\"caf\u00e9\",\"subreddit\":\"x\"}", "malformed JSON (byte 24): invalid UTF-8 (0xE9)")]
    public void Read_RefusesALineWhoseTextIsNotUnicode_WithAReason(string line, string expected)
    {
        // The second line carries é as one Latin-1 byte, which is not UTF-8.
        var bytes = line.Contains('\u00e9', StringComparison.Ordinal) ? Encoding.Latin1.GetBytes(line) : Encoding.UTF8.GetBytes(line);

        var error = Assert.Throws<PageFormatException>(() => DumpLine.Read(bytes));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SkipsLinesTheFilterDeclines_BeforeMappingThem()
    {
        var line = Encoding.UTF8.GetBytes("{\"title\":\"no id, but filtered out first\",\"subreddit\":\"pics\",\"created_utc\":5}");

        Assert.Null(DumpLine.Read(line, (community, created) => community == "PhotoshopRequest" && created > 0));
    }
}
