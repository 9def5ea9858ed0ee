using System.Text.RegularExpressions;

namespace Crawler.Rewrite.Rules;

/// <summary>
/// Keeps each thing asked for once. A title usually sums up its body: "Remove the orange box" then "remove the
/// orange box on the left". The more specific sentence stays; a title that shares a subject with the body goes;
/// "photoshop him out" goes when another sentence says who.
/// </summary>
internal static partial class InstructionSet
{
    private static readonly HashSet<string> Empty = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "of", "on", "in", "at", "to", "for", "with", "from", "and", "into", "some", "it", "this", "that",
        "photo", "photos", "person", "people", "person's", "bit", "little", "more", "less", "please",
    };

    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["words"] = "text", ["word"] = "text", ["caption"] = "text", ["writing"] = "text", ["lettering"] = "text",
        ["color"] = "colour", ["colors"] = "colour", ["colours"] = "colour",
    };

    [GeneratedRegex(@"^\w+\s+(him|her|them|it|this|that)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex PronounOnly();

    [GeneratedRegex(@"[\w']+")]
    private static partial Regex Words();

    /// <param name="candidates">Imperative sentences in request order, each marked when it came from the title.</param>
    public static IReadOnlyList<string> Distinct(IReadOnlyList<(string Text, bool FromTitle)> candidates)
    {
        var kept = candidates.ToList();
        kept.RemoveAll(c => PronounOnly().IsMatch(c.Text) && kept.Count > 1);
        kept.RemoveAll(c => c.FromTitle && kept.Any(o => !o.FromTitle && Content(c.Text, verb: false).Overlaps(Content(o.Text, verb: false))));
        kept = kept.Where((c, i) => !kept.Where((o, j) => j != i && Covers(o.Text, c.Text, j < i)).Any()).ToList();
        return kept.Select(c => c.Text).ToList();
    }

    /// <summary><paramref name="wider"/> says all that <paramref name="narrow"/> says; of two equal ones the earlier wins.</summary>
    private static bool Covers(string wider, string narrow, bool widerIsEarlier)
    {
        var w = Content(wider, verb: true);
        var n = Content(narrow, verb: true);
        return n.IsSubsetOf(w) && (w.Count > n.Count || widerIsEarlier);
    }

    private static HashSet<string> Content(string text, bool verb)
    {
        var words = Words().Matches(text).Select(m => Synonyms.GetValueOrDefault(m.Value, m.Value).ToLowerInvariant());
        return words.Skip(verb ? 0 : 1).Where(w => !Empty.Contains(w)).ToHashSet();
    }
}
