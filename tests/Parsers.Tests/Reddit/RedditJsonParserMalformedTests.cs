using System.Text;
using Crawler.Parsers.Reddit;

namespace Crawler.Parsers.Tests.Reddit;

public sealed class RedditJsonParserMalformedTests
{
    private readonly RedditJsonParser _parser = new();

    [Theory]
    [InlineData("{\"kind\": \"Listing\", \"data\": {\"children\": [", "malformed JSON")]
    [InlineData("{\"kind\": \"t5\", \"data\": {}}", "unexpected JSON root: object with kind 't5'")]
    [InlineData("{\"kind\": \"Listing\", \"data\": {\"children\": [{\"kind\": \"t2\", \"data\": {}}]}}", "unexpected kind 't2' in a listing")]
    [InlineData("[{\"kind\": \"Listing\", \"data\": {\"children\": []}}]", "a comments page is an array of two listings")]
    [InlineData("{\"kind\": \"Listing\", \"data\": {\"children\": [{\"kind\": \"t3\", \"data\": {\"title\": \"no id\"}}]}}", "t3 post without an id")]
    [InlineData("{\"json\": {\"errors\": [[\"RATELIMIT\", \"slow down\"]]}}", "morechildren answered with errors")]
    [InlineData("{\"kind\": \"Listing\",\n \"data\": {\"after\": \"\\udc00\"}}", "malformed JSON (line 2, byte 20): lone surrogate escape \\udc00")]
    [InlineData("{\"kind\": \"Listing\", \"data\": {\"children\": [{\"kind\": \"more\", \"data\": {\"\\ud83d\": 1}}]}}", "lone surrogate escape \\ud83d")]
    public void Parse_ThrowsPageFormatException_SayingWhatIsWrong(string json, string expected)
    {
        var error = Assert.Throws<PageFormatException>(() => _parser.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
