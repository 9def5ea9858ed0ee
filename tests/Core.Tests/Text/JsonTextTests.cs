using System.Text;
using System.Text.Json;
using Crawler.Core.Text;

namespace Crawler.Core.Tests.Text;

public sealed class JsonTextTests
{
    [Theory]
    [InlineData("{\"a\":\"\\ud83d\"}", "lone surrogate escape \\ud83d", 6)]
    [InlineData("{\"a\":\"x\\udc00\"}", "lone surrogate escape \\udc00", 7)]
    [InlineData("{\"a\":\"\\ud83d\\ud83d\"}", "lone surrogate escape \\ud83d", 6)]
    [InlineData("{\"\\ud83d\":1}", "lone surrogate escape \\ud83d", 2)]
    public void Parse_RefusesALoneSurrogateEscape_SayingWhere(string json, string reason, long bytePosition)
    {
        var error = Assert.Throws<JsonException>(() => JsonText.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.StartsWith(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal((0L, bytePosition), (error.LineNumber, error.BytePositionInLine));
    }

    [Fact]
    public void Parse_RefusesAByteThatIsNotUtf8_InsideAString_SayingWhichLineAndByte()
    {
        var bytes = Encoding.UTF8.GetBytes("{\n\"title\":\"caf?\"}");
        bytes[14] = 0xE9; // Latin-1 é, as old dumps sometimes carry

        var error = Assert.Throws<JsonException>(() => JsonText.Parse(bytes));

        Assert.Equal("invalid UTF-8 (0xE9): JSON text must be UTF-8", error.Message);
        Assert.Equal((1L, 12L), (error.LineNumber, error.BytePositionInLine));
    }

    [Theory]
    [InlineData("{\"a\":\"\\ud83d\\ude00 and \\u00e9\"}", "\U0001F600 and é")]
    [InlineData("{\"a\":\"\\\\ud83d is written out\"}", "\\ud83d is written out")]
    [InlineData("{\"a\":\"\\\"\\n\\/\"}", "\"\n/")]
    public void Parse_ReadsValidEscapes(string json, string expected)
    {
        using var document = JsonText.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(expected, document.RootElement.GetProperty("a").GetString());
    }

    [Fact]
    public void Parse_LeavesSyntaxErrorsToTheParser()
    {
        Assert.ThrowsAny<JsonException>(() => JsonText.Parse("{\"a\":\"\\u12\"}"));
    }
}
