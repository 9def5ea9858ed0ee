using Crawler.Core.Domain;

namespace Crawler.Parsers.Reddit;

/// <summary>The pairing rules a Reddit source may name in <c>Pairing:Rules</c>, and the one place that picks between them.</summary>
public static class RedditPairingRules
{
    public const string Request = "request";
    public const string Battle = "battle";

    public static IReadOnlyList<string> All { get; } = [Request, Battle];

    public static bool IsKnown(string? rules) => All.Contains(rules ?? "", StringComparer.OrdinalIgnoreCase);

    public static PairingResult Pair(ParsedThread thread, RedditPairingOptions options) =>
        string.Equals(options.Rules, Battle, StringComparison.OrdinalIgnoreCase)
            ? RedditBattlePairing.Pair(thread, options)
            : RedditPairing.Pair(thread, options);
}
