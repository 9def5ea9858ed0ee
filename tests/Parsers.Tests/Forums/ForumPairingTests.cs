using Crawler.Core.Domain;
using Crawler.Parsers.Forums;
using Crawler.Parsers.Reddit;

namespace Crawler.Parsers.Tests.Forums;

/// <summary>Which posts of a forum thread are edits of its request, built from hand-made threads.</summary>
public sealed class ForumPairingTests
{
    private const string Original = "https://forum.example/attachments/beach.1/";

    private static readonly RedditPairingOptions Options = new();

    private static ParsedReply Post(string id, string author, long at, string body, params string[] images) =>
        new(id, "t1", author, at, 0, body, false, images);

    private static ParsedThread Thread(params ParsedReply[] replies) =>
        new("t1", "requests", "Remove the lamp", "Please remove the lamp post", "asker", 100, null, false, false, [Original], replies, []);

    [Fact]
    public void Pair_ImagesOfOthers_AreEditsOfTheOriginal()
    {
        var result = ForumPairing.Pair(Thread(Post("2", "editor", 200, "done", "https://img.example/e1.jpg")), Options);

        var edit = Assert.Single(result.Candidates);
        Assert.Null(edit.DropReason);
        Assert.Equal(Original, edit.SourceUrl);
        Assert.Equal("https://img.example/e1.jpg", edit.TargetUrl);
        Assert.Equal(1, edit.Rank);
        Assert.Null(result.ThreadReason);
    }

    [Fact]
    public void Pair_RequestWithoutImages_HasNoCandidates_AndSaysWhy()
    {
        var thread = Thread(Post("2", "editor", 200, "done", "https://img.example/e1.jpg")) with { Images = [] };

        var result = ForumPairing.Pair(thread, Options);

        Assert.Empty(result.Candidates);
        Assert.Equal("request has no image", result.ThreadReason);
    }

    [Fact]
    public void Pair_RequestersOwnImagesAndReshownOriginals_AreDroppedWithReasons()
    {
        var result = ForumPairing.Pair(Thread(
            Post("2", "asker", 150, "another angle", "https://img.example/angle.jpg"),
            Post("3", "copier", 160, "this one?", Original)), Options);

        Assert.Equal("reply by the requester", result.Candidates.Single(c => c.ReplyId == "2").DropReason);
        Assert.Equal("quotes the original image", result.Candidates.Single(c => c.ReplyId == "3").DropReason);
        Assert.All(result.Candidates, c => Assert.Equal(0, c.Rank));
    }

    [Fact]
    public void Pair_RequesterThanks_AcceptTheLatestEditBefore_AndRankItFirst()
    {
        var result = ForumPairing.Pair(Thread(
            Post("2", "first", 200, "v1", "https://img.example/e1.jpg"),
            Post("3", "second", 300, "v2", "https://img.example/e2.jpg"),
            Post("4", "asker", 400, "Thanks, that is it"),
            Post("5", "third", 500, "v3", "https://img.example/e3.jpg")), Options);

        var accepted = result.Candidates.Single(c => c.AcceptedByRequester);
        Assert.Equal("3", accepted.ReplyId);
        Assert.Equal(1, accepted.Rank);
        Assert.Equal(2, result.Candidates.Single(c => c.ReplyId == "2").Rank);
    }

    [Fact]
    public void Pair_RequesterThanksQuotingAnEdit_AcceptThatEdit()
    {
        var result = ForumPairing.Pair(Thread(
            Post("2", "first", 200, "v1", "https://img.example/e1.jpg"),
            Post("3", "second", 300, "v2", "https://img.example/e2.jpg"),
            Post("4", "asker", 400, "thank you!") with { ParentId = "2" }), Options);

        Assert.Equal(["2"], result.Candidates.Where(c => c.AcceptedByRequester).Select(c => c.ReplyId));
    }

    [Fact]
    public void Pair_RequesterClarification_JoinsTheRequestText_ButThanksDoNot()
    {
        var result = ForumPairing.Pair(Thread(
            Post("2", "asker", 150, "Also brighten the sky"),
            Post("3", "editor", 200, "done", "https://img.example/e1.jpg"),
            Post("4", "asker", 300, "thanks!")), Options);

        Assert.Equal("Remove the lamp\n\nPlease remove the lamp post\n\nAlso brighten the sky", Assert.Single(result.Candidates).RequestText);
    }

    [Fact]
    public void Pair_ReplyAsManyImagesAsTheRequest_AnswersThemOneForOne()
    {
        var thread = Thread(Post("2", "editor", 200, "both", "https://img.example/e1.jpg", "https://img.example/e2.jpg")) with { Images = [Original, "https://forum.example/attachments/sky.2/"] };

        var result = ForumPairing.Pair(thread, Options);

        Assert.Equal(thread.Images, result.Candidates.Select(c => c.SourceUrl));
    }
}
