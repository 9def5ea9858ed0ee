namespace Crawler.Parsers.Reddit;

/// <summary>Knobs of the Reddit pairing rules; bound from <c>Sources:...:Pairing</c>.</summary>
public sealed class RedditPairingOptions
{
    /// <summary>Accounts whose replies are never edits (moderation bots, status bots).</summary>
    public IList<string> Bots { get; init; } = ["AutoModerator", "psr-bot", "PhotoshopRequest-ModTeam", "RemindMeBot", "sneakpeekbot"];

    /// <summary>Words in a requester's reply to an edit that mean the edit was accepted.</summary>
    public IList<string> AcceptancePhrases { get; init; } =
        ["thank", "thx", "ty ", "paid", "tipped", "perfect", "love it", "love this", "exactly what", "solved", "amazing", "awesome", "great job", "chosen", "winner"];

    /// <summary>
    /// Words in a thread's flair meaning the requester marked it solved ("Solved ✅", "Paid - Solved"). Then a
    /// reply of the requester to an edit counts as acceptance even without an acceptance phrase, when all
    /// such replies went to one editor.
    /// </summary>
    public IList<string> SolvedFlairs { get; init; } = ["solved"];
}
