namespace Crawler.Parsers.Reddit;

/// <summary>
/// Knobs of the Reddit pairing rules; bound from <c>Sources:...:Pairing</c>. Each list left unset keeps its
/// defaults, and a list that is set replaces them. (Configuration binding adds to a list it finds filled, so
/// the defaults live apart from the bound properties; the rules read the lists in force.)
/// </summary>
public sealed class RedditPairingOptions
{
    public static IReadOnlyList<string> DefaultBots { get; } = ["AutoModerator", "psr-bot", "PhotoshopRequest-ModTeam", "RemindMeBot", "sneakpeekbot"];

    public static IReadOnlyList<string> DefaultAcceptancePhrases { get; } =
        ["thank", "thx", "ty ", "paid", "tipped", "perfect", "love it", "love this", "exactly what", "solved", "amazing", "awesome", "great job", "chosen", "winner"];

    public static IReadOnlyList<string> DefaultSolvedFlairs { get; } = ["solved"];

    /// <summary>
    /// Which rules pair the source's threads: <c>request</c> (a requester asks, replies are edits) or <c>battle</c>
    /// (r/photoshopbattles: a base image, its top-level comments are creative edits with no request).
    /// </summary>
    public string Rules { get; set; } = RedditPairingRules.Request;

    /// <summary>Accounts whose replies are never edits (moderation bots, status bots).</summary>
    public IList<string> Bots { get; init; } = [];

    /// <summary>Words in a requester's reply to an edit that mean the edit was accepted.</summary>
    public IList<string> AcceptancePhrases { get; init; } = [];

    /// <summary>
    /// Words in a thread's flair meaning the requester marked it solved ("Solved ✅", "Paid - Solved"). Then a
    /// reply of the requester to an edit counts as acceptance even without an acceptance phrase, when all
    /// such replies went to one editor.
    /// </summary>
    public IList<string> SolvedFlairs { get; init; } = [];

    internal IEnumerable<string> BotsInForce => InForce(Bots, DefaultBots);

    internal IEnumerable<string> AcceptancePhrasesInForce => InForce(AcceptancePhrases, DefaultAcceptancePhrases);

    internal IEnumerable<string> SolvedFlairsInForce => InForce(SolvedFlairs, DefaultSolvedFlairs);

    private static IEnumerable<string> InForce(IList<string> configured, IReadOnlyList<string> defaults) => configured.Count > 0 ? configured : defaults;
}
