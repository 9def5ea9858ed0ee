using System.Text.RegularExpressions;

namespace Crawler.Rewrite.Rules;

/// <summary>
/// Replaces the requester's point of view with what a model can see: "my grandma's face" becomes "the woman's
/// face", "my teeth" "the person's teeth", "me" "the person", "my dog" "the dog".
/// </summary>
internal static partial class PeopleWords
{
    private static readonly (string Noun, Regex Relations)[] Relatives =
    [
        ("man", Relation("husband|boyfriend|bf|dad|daddy|father|brother|grandpa|grandad|granddad|grandfather|uncle|fianc[eé]")),
        ("woman", Relation("wife|girlfriend|gf|mom|mum|mommy|mother|sister|grandma|granny|grandmother|aunt|fianc[eé]e")),
        ("boy", Relation("son|nephew")),
        ("girl", Relation("daughter|niece")),
        ("child", Relation("kid|kiddo|child|toddler")),
        ("person", Relation("ex|friend|best friend|cousin|partner|bestie|bff|roommate|coworker|colleague")),
    ];

    [GeneratedRegex(@"\b(my|our)\s+(hands?|face|head|arms?|eyes?|hair|teeth|skin|forehead|nose|chin|neck|legs?|shirt|t-shirt|dress|jacket|glasses|hat|cap|shoes|tattoo|smile|body)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OwnBody();

    [GeneratedRegex(@"\b(my|our)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Possessive();

    [GeneratedRegex(@"\bme\b", RegexOptions.IgnoreCase)]
    private static partial Regex Me();

    [GeneratedRegex(@"\bus\b", RegexOptions.IgnoreCase)]
    private static partial Regex Us();

    [GeneratedRegex(@"\b(i|we)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Subject();

    public static string Neutral(string text)
    {
        foreach (var (noun, relations) in Relatives)
        {
            text = relations.Replace(text, m => $"the {noun}{m.Groups["s"].Value}");
        }
        text = OwnBody().Replace(text, m => $"the person's {m.Groups[2].Value}");
        text = Possessive().Replace(text, "the");
        text = Me().Replace(text, "the person");
        text = Us().Replace(text, "the people");
        return Subject().Replace(text, "the person");
    }

    private static Regex Relation(string words) =>
        new($@"\b(my|our)\s+(little\s+|late\s+|great\s+)*({words})(?<s>'s)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
}
