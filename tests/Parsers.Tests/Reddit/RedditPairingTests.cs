using Crawler.Core.Domain;
using Crawler.Parsers.Reddit;

namespace Crawler.Parsers.Tests.Reddit;

public sealed class RedditPairingTests
{
    private static readonly RedditPairingOptions Options = new();

    [Fact]
    public void Pair_GalleryRequest_KeepsEveryImageAsACandidate_WithAReasonOnEachDroppedOne()
    {
        var result = RedditPairing.Pair(PhotoshopRequestFixtures.GalleryThread(), Options);

        Assert.Null(result.ThreadReason);
        var dropped = result.Candidates.Where(c => !c.Taken).ToDictionary(c => c.ReplyId, c => c.DropReason);
        Assert.Equal(new Dictionary<string, string?>
        {
            ["l0q5b2a"] = "reply by bot psr-bot",
            ["l0qd3ai"] = "reply by the requester",
            ["l0qf5ck"] = "editor account deleted",
            ["l0qg6dl"] = "quotes the original image",
        }, dropped);
        Assert.All(result.Candidates.Where(c => !c.Taken), c => Assert.Equal(0, c.Rank));
    }

    [Fact]
    public void Pair_GalleryRequest_RanksTheAcceptedEditFirst_ThenByScore_AndMapsImagesOneForOne()
    {
        var result = RedditPairing.Pair(PhotoshopRequestFixtures.GalleryThread(), Options);

        var taken = result.Candidates.Where(c => c.Taken).OrderBy(c => c.Rank)
            .Select(c => (c.Rank, c.ReplyId, c.ImageIndex, c.AcceptedByRequester, c.Score)).ToList();
        Assert.Equal(
        [
            (1, "l0q6c3b", 0, true, 45),
            (2, "l0q7d4c", 0, false, 12),
            (3, "l0q7d4c", 1, false, 12),
            (4, "l0qc29h", 0, false, 4),
        ], taken);
        var images = PhotoshopRequestFixtures.GalleryImages;
        var twoImages = result.Candidates.Where(c => c.ReplyId == "l0q7d4c").ToList();
        Assert.Equal([images[0], images[1]], twoImages.Select(c => c.SourceUrl));
        Assert.Equal(["https://i.imgur.com/Qz3wR8t.jpeg", "https://i.imgur.com/Lm9pX2c.png"], twoImages.Select(c => c.TargetUrl));
        Assert.Equal(images[0], result.Candidates.Single(c => c.ReplyId == "l0q6c3b").SourceUrl);
    }

    [Fact]
    public void Pair_RequestText_JoinsTheRequestersClarifications_ButNotFeedbackOnAnEdit()
    {
        var result = RedditPairing.Pair(PhotoshopRequestFixtures.GalleryThread(), Options);

        Assert.Equal(
            "Can someone remove the people in the background? Will tip $10\n\n"
            + "It's the only photo of my grandparents together at the beach. Please remove the strangers behind them and fix the lighting if you can.\n\n"
            + "Just to clarify, the man in the red shirt on the left should go too.",
            Assert.Single(result.Candidates.Select(c => c.RequestText).Distinct()));
    }

    [Fact]
    public void Pair_AfterMoreChildrenMerge_RanksTheSecondAcceptedEditByScore()
    {
        var thread = RedditMoreChildren.Merge(PhotoshopRequestFixtures.GalleryThread(), [PhotoshopRequestFixtures.GalleryMoreChildren()]);

        var taken = RedditPairing.Pair(thread, Options).Candidates.Where(c => c.Taken).OrderBy(c => c.Rank)
            .Select(c => (c.ReplyId, c.ImageIndex, c.AcceptedByRequester)).ToList();

        Assert.Equal(
        [
            ("l0q6c3b", 0, true),
            ("l0qj2ab", 0, true),
            ("l0q7d4c", 0, false),
            ("l0q7d4c", 1, false),
            ("l0ql1ef", 0, false),
            ("l0qc29h", 0, false),
        ], taken);
    }

    [Fact]
    public void Pair_SolvedFlair_CountsTheRequestersOnlyAnsweredEditorAsAccepted()
    {
        var result = RedditPairing.Pair(PhotoshopRequestFixtures.OldRedditThread(), Options);

        var taken = result.Candidates.Where(c => c.Taken).OrderBy(c => c.Rank).Select(c => (c.ReplyId, c.AcceptedByRequester)).ToList();
        Assert.Equal([("l0r2b3c", true), ("l0r5e6f", false)], taken);
        Assert.Equal("reply by bot psr-bot", result.Candidates.Single(c => c.ReplyId == "l0r1a2b").DropReason);
    }

    [Fact]
    public void Pair_WithoutSolvedFlair_AnAnswerWithoutAcceptanceWordsIsNotAcceptance()
    {
        var thread = PhotoshopRequestFixtures.OldRedditThread() with { Flair = "Paid" };

        var result = RedditPairing.Pair(thread, Options);

        Assert.DoesNotContain(result.Candidates, c => c.AcceptedByRequester);
    }

    [Fact]
    public void Pair_SolvedFlair_DoesNotGuess_WhenTheRequesterAnsweredSeveralEditors()
    {
        var thread = Request(
            Reply("e1", "editor_a", "https://i.imgur.com/aaaaaaa.jpg"),
            Reply("e2", "editor_b", "https://i.imgur.com/bbbbbbb.jpg"),
            Reply("a1", "op", "", parent: "e1", body: "closer, but the sky is wrong"),
            Reply("a2", "op", "", parent: "e2", body: "hmm, better?")) with { Flair = "Solved" };

        Assert.DoesNotContain(RedditPairing.Pair(thread, Options).Candidates, c => c.AcceptedByRequester);
    }

    [Fact]
    public void Pair_ConfiguredBots_AreNotEditors()
    {
        var thread = Request(Reply("e1", "ImageHelperBot", "https://i.imgur.com/ccccccc.jpg"));
        var options = new RedditPairingOptions { Bots = ["imagehelperbot"] };

        Assert.Equal("reply by bot ImageHelperBot", Assert.Single(RedditPairing.Pair(thread, options).Candidates).DropReason);
        Assert.True(Assert.Single(RedditPairing.Pair(thread, Options).Candidates).Taken);
    }

    [Fact]
    public void Pair_BotCommandsAndAnswersToBots_DoNotJoinTheRequestText()
    {
        var thread = Request(
            Reply("b1", "psr-bot", "", body: "Reply !solved when done"),
            Reply("c1", "op", "", parent: "b1", body: "ok will do"),
            Reply("c2", "op", "", body: "!solved"),
            Reply("c3", "op", "", body: "Also please keep the dog."));

        var text = RedditPairing.Pair(thread with { Replies = [.. thread.Replies, Reply("e1", "ed", "https://i.imgur.com/ddddddd.jpg")] }, Options)
            .Candidates.Single().RequestText;

        Assert.Equal("Fix my photo\n\nplease\n\nAlso please keep the dog.", text);
    }

    [Theory]
    [InlineData(true, false, "thread deleted or removed")]
    [InlineData(false, true, "request has no image")]
    public void Pair_GivesAThreadReasonAndNoCandidates_WhenTheRequestCannotBePaired(bool deleted, bool noImages, string reason)
    {
        var thread = Request(Reply("e1", "ed", "https://i.imgur.com/eeeeeee.jpg")) with
        {
            Deleted = deleted,
            Images = noImages ? [] : ["https://i.redd.it/original01.jpg"],
        };

        var result = RedditPairing.Pair(thread, Options);

        Assert.Equal(reason, result.ThreadReason);
        Assert.Empty(result.Candidates);
    }

    [Fact]
    public void Pair_NsfwRequest_IsPairedAndItsFlagStaysOnTheThread()
    {
        var thread = Request(Reply("e1", "ed", "https://i.imgur.com/fffffff.jpg")) with { Nsfw = true };

        Assert.True(Assert.Single(RedditPairing.Pair(thread, Options).Candidates).Taken);
    }

    private static ParsedThread Request(params ParsedReply[] replies) =>
        new("t1", "PhotoshopRequest", "Fix my photo", "please", "op", 100, null, false, false, ["https://i.redd.it/original01.jpg"], replies, []);

    private static ParsedReply Reply(string id, string? author, string image, string parent = "t1", string body = "", int score = 1) =>
        new(id, parent, author, 200, score, body, false, image.Length > 0 ? [image] : []);
}
