using System.Text.RegularExpressions;

namespace Crawler.Rewrite.Rules;

/// <summary>Splits a request into sentences and tells the instruction apart from greetings, thanks, offers of money and backstory.</summary>
internal static partial class SentenceFilter
{
    // Sentence ends, line breaks, and a polite ask glued on with a comma ("It's too dark, could someone brighten it?").
    [GeneratedRegex(@"(?<=[.!?])\s+|\n+|(?<=[.!?]{2,})|,\s*(?=(?:could|can|would|will)\s+(?:some|any|you\b|u\b))", RegexOptions.IgnoreCase)]
    private static partial Regex SentenceBreaks();

    [GeneratedRegex(@"^(hi|hello|hey|hiya|greetings|good (morning|afternoon|evening)|(kind |best |warm )?regards|sincerely)\b[\w\s,]{0,20}$", RegexOptions.IgnoreCase)]
    private static partial Regex Greeting();

    [GeneratedRegex(@"\b(thanks?|thank you|thx|ty|tia|appreciat\w*|cheers|grateful|bless)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Thanks();

    [GeneratedRegex(@"[$€£]\s?\d|\d+\s?(\$|usd|dollars?|bucks|euros?)\b|\b(tip|tips|tipping|pay|paying|paid|venmo|paypal|cashapp|reward)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Money();

    // Why the requester wants it: "so I stand out", ", need it for a sticker", "because ...".
    [GeneratedRegex(@"(,\s*|\s+)(so (that )?(i|we|it|they|he|she|you|everyone)\b|(i )?need (it|this) for\b|it'?s for\b|because\b|since\b).*$", RegexOptions.IgnoreCase)]
    private static partial Regex Purpose();

    [GeneratedRegex(@",\s+|\s+and\s+|\s+-\s+")]
    private static partial Regex ClauseBreaks();

    public static IEnumerable<string> Sentences(string text) =>
        SentenceBreaks().Split(text).Select(s => s.Trim(' ', ',', '-', ';', ':')).Where(s => s.Any(char.IsLetter));

    /// <summary>Greetings, sign-offs, thanks and money talk: words for the people on the site, not for a model.</summary>
    public static bool IsNoise(string sentence) =>
        Greeting().IsMatch(sentence) || (Thanks().IsMatch(sentence) && !ImperativeForm.IsInstruction(ImperativeForm.From(sentence))) || Money().IsMatch(sentence);

    /// <summary>A sentence without a trailing money, thanks or purpose clause ("..., will tip $5", "so I stand out").</summary>
    public static string WithoutTrailingNoise(string sentence)
    {
        var breaks = ClauseBreaks().Matches(sentence);
        var kept = sentence;
        for (var i = 0; i < breaks.Count; i++)
        {
            var start = breaks[i].Index + breaks[i].Length;
            var clause = sentence[start..(i + 1 < breaks.Count ? breaks[i + 1].Index : sentence.Length)];
            if (Money().IsMatch(clause) || Thanks().IsMatch(clause))
            {
                kept = sentence[..breaks[i].Index];
                break;
            }
        }
        return Purpose().Replace(kept, "");
    }
}
