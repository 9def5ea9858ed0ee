namespace Crawler.Parsers.Reddit;

/// <summary>Knobs of the Reddit pairing rules; bound from <c>Sources:...:Pairing</c>.</summary>
public sealed class RedditPairingOptions
{
    /// <summary>Accounts whose replies are never edits (moderation bots, status bots).</summary>
    public IList<string> Bots { get; init; } = ["AutoModerator", "psr-bot", "PhotoshopRequest-ModTeam", "RemindMeBot", "sneakpeekbot"];

    /// <summary>Words in a requester's reply to an edit that mean the edit was accepted.</summary>
    public IList<string> AcceptancePhrases { get; init; } =
        ["thank", "thx", "ty ", "paid", "tipped", "perfect", "love it", "love this", "exactly what", "solved", "amazing", "awesome", "great job", "chosen", "winner"];
}
