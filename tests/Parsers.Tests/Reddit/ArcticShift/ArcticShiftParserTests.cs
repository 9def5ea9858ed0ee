using System.Text;
using Crawler.Parsers.Reddit.ArcticShift;

namespace Crawler.Parsers.Tests.Reddit.ArcticShift;

/// <summary>Answers shaped as the Arctic Shift API documents them (see tests/Worker.Tests/Fixtures/arctic-shift/README.md).</summary>
public sealed class ArcticShiftParserTests
{
    private readonly ArcticShiftParser _parser = new();

    [Fact]
    public void Parse_TellsPostsFromComments_AndMarksWhatMetaSaysWasDeletedLater()
    {
        const string Answer = """
            {"data": [
              {"id": "p1", "subreddit": "PhotoshopRequest", "title": "Fix my photo", "selftext": "see https://i.imgur.com/Abc1234.jpg", "author": "asker", "created_utc": 1713744000},
              {"id": "p2", "subreddit": "PhotoshopRequest", "title": "Gone", "selftext": "https://i.imgur.com/Gone123.jpg", "author": "leaver", "created_utc": 1713744001,
               "_meta": {"removal_type": "deleted"}},
              {"id": "c1", "link_id": "t3_p1", "parent_id": "t3_p1", "body": "https://i.imgur.com/Edit123.jpg", "author": "editor", "created_utc": 1713745000, "score": 3},
              {"id": "c2", "link_id": "t3_p1", "parent_id": "t1_c1", "body": "kept in the archive", "author": "quitter", "created_utc": 1713746000,
               "_meta": {"was_deleted_later": true}}
            ]}
            """;

        var page = _parser.Parse(Encoding.UTF8.GetBytes(Answer));

        Assert.Equal(["p1|False|1", "p2|True|0"], page.Threads.Select(t => $"{t.Id}|{t.Deleted}|{t.Images.Count}"));
        Assert.Equal("", page.Threads[1].Body);
        Assert.Equal(["c1|p1|p1|False|3", "c2|p1|c1|True|0"], page.Replies.Select(r => $"{r.Id}|{r.LinkId}|{r.ParentId}|{r.Deleted}|{(r.Deleted ? 0 : r.Score)}"));
        Assert.Equal("", page.Replies[1].Body);
    }

    [Theory]
    [InlineData("{\"error\": \"Query timed out\"}", "Arctic Shift answered with an error: Query timed out")]
    [InlineData("{\"error\": {\"code\": 400}}", "Arctic Shift answered with an error: {\"code\": 400}")]
    [InlineData("{\"data\": [", "malformed JSON")]
    [InlineData("[]", "expected a JSON object with data, found array")]
    [InlineData("{\"data\": {}}", "an answer without a data array")]
    [InlineData("{\"data\": [42]}", "an item of data is a number, not a Reddit object")]
    [InlineData("{\"data\": [{\"title\": \"no id\"}]}", "t3 post without an id")]
    public void Parse_ThrowsPageFormatException_SayingWhatIsWrong(string json, string expected)
    {
        var error = Assert.Throws<PageFormatException>(() => _parser.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
