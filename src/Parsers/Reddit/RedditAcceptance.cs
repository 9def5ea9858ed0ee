using Crawler.Core.Domain;

namespace Crawler.Parsers.Reddit;

/// <summary>Which edits the requester accepted: by thanking or paying in a reply, or by marking the thread solved.</summary>
internal static class RedditAcceptance
{
    /// <returns>Ids of the accepted replies.</returns>
    public static IReadOnlySet<string> AcceptedReplies(ParsedThread thread, RedditThreadRoles roles, RedditPairingOptions options)
    {
        var edits = thread.Replies.Where(roles.IsPossibleEdit).DistinctBy(r => r.Id).ToDictionary(r => r.Id);
        var answers = thread.Replies
            .Where(r => roles.IsRequester(r) && !r.Deleted && r.ParentId is not null && edits.ContainsKey(r.ParentId))
            .ToList();
        var accepted = answers
            .Where(r => options.AcceptancePhrasesInForce.Any(p => (r.Body + " ").Contains(p, StringComparison.OrdinalIgnoreCase)))
            .Select(r => r.ParentId!)
            .ToHashSet(StringComparer.Ordinal);
        // "This one!" under a thread flaired Solved: acceptance the phrase list misses, as long as it is unambiguous.
        var editorsAnswered = answers.Select(r => edits[r.ParentId!].Author).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        if (accepted.Count == 0 && editorsAnswered == 1 && IsSolved(thread, options))
        {
            accepted.UnionWith(answers.Select(r => r.ParentId!));
        }
        return accepted;
    }

    private static bool IsSolved(ParsedThread thread, RedditPairingOptions options) =>
        thread.Flair is { } flair && options.SolvedFlairsInForce.Any(s => flair.Contains(s, StringComparison.OrdinalIgnoreCase));
}
