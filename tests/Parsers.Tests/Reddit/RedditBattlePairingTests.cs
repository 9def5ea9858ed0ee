using Crawler.Core.Domain;
using Crawler.Parsers.Reddit;
using Crawler.Parsers.Reddit.ArcticShift;
using Crawler.Parsers.Text;

namespace Crawler.Parsers.Tests.Reddit;

public sealed class RedditBattlePairingTests
{
    private const string ThreadId = "1pbx001";
    private const string Base = "https://i.redd.it/basecat.jpg";
    private static readonly RedditPairingOptions Options = new() { Rules = RedditPairingRules.Battle };

    [Fact]
    public void Pair_TakesOnlyTopLevelEntries_AndDropsDeeperRepliesWithAReason()
    {
        var result = RedditBattlePairing.Pair(Battle(
            Reply("e1", ThreadId, "alice", 50, "[Pirate cat](https://i.imgur.com/Pir4te.jpg)"),
            Reply("e2", "e1", "bob", 90, "Made it better https://i.imgur.com/B3tter.png")), Options);

        Assert.Null(result.ThreadReason);
        var taken = Assert.Single(result.Candidates, c => c.Taken);
        Assert.Equal(("e1", Base, "https://i.imgur.com/Pir4te.jpg", 1), (taken.ReplyId, taken.SourceUrl, taken.TargetUrl, taken.Rank));
        var deeper = Assert.Single(result.Candidates, c => c.ReplyId == "e2");
        Assert.Equal((RedditBattlePairing.NotTopLevel, 0), (deeper.DropReason, deeper.Rank));
    }

    [Fact]
    public void Pair_UsesTheEntrysCaptionWithoutImageLinks_AsTheOnlyText_AndMarksItABattle()
    {
        var result = RedditBattlePairing.Pair(Battle(
            Reply("e1", ThreadId, "alice", 5, "[Cat goes to space](https://i.imgur.com/Sp4ce.jpg)\n\nfirst try, be gentle"),
            Reply("e2", ThreadId, "carol", 3, "https://i.redd.it/plain.png")), Options);

        var captions = result.Candidates.ToDictionary(c => c.ReplyId, c => (c.RequestText, c.EditorText, c.Kind));
        Assert.Equal(("", "Cat goes to space\nfirst try, be gentle", PairKind.Battle), captions["e1"]);
        Assert.Equal(("", "", PairKind.Battle), captions["e2"]);
    }

    [Fact]
    public void Pair_NeverCountsAnEntryAsAccepted_EvenWhenTheOriginalPosterThanksIt()
    {
        var result = RedditBattlePairing.Pair(Battle(
            Reply("e1", ThreadId, "alice", 5, "https://i.imgur.com/Pir4te.jpg"),
            Reply("t1", "e1", "op", 1, "thank you, perfect, this is the winner!")), Options);

        Assert.False(Assert.Single(result.Candidates).AcceptedByRequester);
    }

    [Fact]
    public void Pair_DropsTheOriginalPostersOwnEntriesAndBots_AndRanksTheRestByScore()
    {
        var result = RedditBattlePairing.Pair(Battle(
            Reply("e1", ThreadId, "alice", 5, "https://i.imgur.com/Low5c0r.jpg"),
            Reply("e2", ThreadId, "op", 400, "here is my own https://i.imgur.com/Own3nt.jpg"),
            Reply("e3", ThreadId, "AutoModerator", 1, "https://i.imgur.com/B0tp1c.jpg"),
            Reply("e4", ThreadId, "bob", 70, "https://i.imgur.com/H1ghsc.jpg"),
            Reply("e5", ThreadId, "dave", 9, Base)), Options);

        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["e1"] = null,
                ["e2"] = RedditBattlePairing.ByOriginalPoster,
                ["e3"] = "reply by bot AutoModerator",
                ["e4"] = null,
                ["e5"] = "quotes the original image",
            },
            result.Candidates.ToDictionary(c => c.ReplyId, c => c.DropReason));
        Assert.Equal(["e4", "e1"], result.Candidates.Where(c => c.Taken).OrderBy(c => c.Rank).Select(c => c.ReplyId));
    }

    [Fact]
    public void Pair_GivesAThreadReason_WhenTheBattleHasNoBaseImage()
    {
        var thread = Battle(Reply("e1", ThreadId, "alice", 5, "https://i.imgur.com/Pir4te.jpg")) with { Images = [] };

        var result = RedditBattlePairing.Pair(thread, Options);

        Assert.Equal(("battle post has no base image", 0), (result.ThreadReason, result.Candidates.Count));
    }

    [Fact]
    public void AdapterPair_FollowsTheSourcesRules()
    {
        var thread = Battle(Reply("e2", "e1", "bob", 90, "https://i.imgur.com/B3tter.png"));

        var asBattle = new ArcticShiftAdapter(Options).Pair(thread).Candidates.Single();
        var asRequest = new RedditJsonAdapter(new RedditPairingOptions()).Pair(thread).Candidates.Single();

        Assert.Equal((RedditBattlePairing.NotTopLevel, PairKind.Battle), (asBattle.DropReason, asBattle.Kind));
        Assert.Equal((null, PairKind.Request), (asRequest.DropReason, asRequest.Kind));
    }

    private static ParsedThread Battle(params ParsedReply[] replies) =>
        new(ThreadId, "photoshopbattles", "PsBattle: A cat in a box", "", "op", 1_760_000_000, null, false, false, [Base], replies, []);

    private static ParsedReply Reply(string id, string parentId, string author, int score, string body) =>
        new(id, parentId, author, 1_760_000_100, score, body, false, ImageLinks.FindImages(body));
}
