using System.Text.RegularExpressions;

namespace Crawler.Rewrite.Rules;

/// <summary>Splits a request into sentences and tells the instruction apart from greetings, thanks and offers of money.</summary>
internal static partial class SentenceFilter
{
    [GeneratedRegex(@"(?<=[.!?])\s+|\n+|(?<=[.!?]{2,})")]
    private static partial Regex SentenceBreaks();

    [GeneratedRegex(@"^(hi|hello|hey|hiya|greetings|good (morning|afternoon|evening))\b[\w\s,]{0,20}$", RegexOptions.IgnoreCase)]
    private static partial Regex Greeting();

    [GeneratedRegex(@"\b(thanks?|thank you|thx|ty|tia|appreciate|cheers|grateful|bless)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Thanks();

    [GeneratedRegex(@"[$€£]\s?\d|\d+\s?(\$|usd|dollars?|bucks|euros?)\b|\b(tip|tips|tipping|pay|paying|paid|venmo|paypal|cashapp|reward)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Money();

    [GeneratedRegex(@"\b(remove|erase|delete|get rid of|take out|edit out|cut out|add|put|insert|place|replace|swap|switch|change|make|turn|fix|repair|restore|colou?ri[sz]e|recolou?r|brighten|darken|lighten|enhance|sharpen|unblur|crop|straighten|rotate|extend|expand|blur|clean|whiten|smooth|retouch|photoshop|move|flip|combine|merge|give|transform|convert|paint|draw)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EditVerb();

    public static IEnumerable<string> Sentences(string text) =>
        SentenceBreaks().Split(text).Select(s => s.Trim(' ', ',', '-', ';', ':')).Where(s => s.Any(char.IsLetter));

    /// <summary>Greetings, thanks and money talk: words for the people on the site, not for a model.</summary>
    public static bool IsNoise(string sentence) =>
        Greeting().IsMatch(sentence) || (Thanks().IsMatch(sentence) && !EditVerb().IsMatch(sentence)) || Money().IsMatch(sentence);

    public static bool HasEditVerb(string sentence) => EditVerb().IsMatch(sentence);

    /// <summary>A sentence with an edit verb, stripped of a trailing money or thanks clause ("..., will tip $5").</summary>
    public static string WithoutTrailingNoise(string sentence)
    {
        var clauses = sentence.Split([", ", " and ", " - "], StringSplitOptions.None);
        var kept = clauses.TakeWhile((c, i) => i == 0 || !(Money().IsMatch(c) || Thanks().IsMatch(c))).ToList();
        return string.Join(", ", kept);
    }
}
