using System.Text.RegularExpressions;

namespace Crawler.Rewrite.Rules;

/// <summary>Turns "can someone please remove my ex from this pic" into "Remove the person."</summary>
internal static partial class ImperativeForm
{
    // The ways people ask, repeated: "Hey! so could someone please help me to ...", "Edit: please also ...".
    [GeneratedRegex(@"^((hi|hello|hey)(\s+(all|guys|everyone|folks|there))?\s*[,!]?\s+|so\s+|ok\s+|okay\s+|basically\s+|just\s+|also\s+|and\s+|edit\s*:\s*|update\s*:\s*|sorry[,!]?\s+|i\s+mean(t)?\s+|((can|could|would|will)\s+(some\s?one|some\s?body|any\s?one|any\s?body|you|u|you guys|one of you|a kind soul|an artist|an expert|a pro)\s+(please\s+|pls\s+|plz\s+)?(be able to\s+)?(help( me)?\s+(to\s+)?|try( to)?\s+|maybe\s+)?)|(is it possible|is there any way|any chance|possible)\s+(for\s+\w+\s+)?(to\s+)?|would\s+love\s+it\s+if\s+(some\s?one|any\s?one|you)\s+(could|can|would)\s+|i\s*('d| would)\s+(really\s+)?(like|love)\s+(for\s+)?(some\s?one|you|it)?\s*(to\s+)?|i\s+(need|want)\s+(some\s?one|somebody|you)\s+(to\s+)?|(looking for|need|want)\s+(some\s?one|somebody)\s+(to\s+)?|(please|pls|plz|kindly)\s+|help\s+(me\s+)?(to\s+)?)+", RegexOptions.IgnoreCase)]
    private static partial Regex PoliteLead();

    [GeneratedRegex(@"\s*\b(please|pls|plz|if possible|if you can|for me|asap)\b\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Filler();

    [GeneratedRegex(@"\s+instead$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingInstead();

    // Asking for something to vanish without the verb for it: "need the people in the back gone".
    [GeneratedRegex(@"^(i\s+)?(need|want|would like|'d like)\s+(?<what>.+?)\s+(gone|removed|erased|taken out|edited out)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WantGone();

    [GeneratedRegex(@"^(get rid of|take out)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RemoveSynonym();

    [GeneratedRegex(@"^(photoshop|edit|take)\s+(?<what>.+?)\s+out\b(\s+of\s+(the|this|my)\s+\w+)?", RegexOptions.IgnoreCase)]
    private static partial Regex SomethingOut();

    [GeneratedRegex(@"^(remove|erase|delete|add|put|insert|place|replace|swap|switch|change|make|turn|fix|repair|restore|colou?ri[sz]e|recolou?r|brighten|darken|lighten|enhance|sharpen|unblur|crop|straighten|rotate|extend|expand|blur|clean|whiten|smooth|retouch|move|flip|combine|merge|give|transform|convert|paint|draw|open|close|keep|edit|upscale|adjust|increase|reduce|lower|raise)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EditVerbFirst();

    [GeneratedRegex(@"[\s?!.,]+$")]
    private static partial Regex TrailingPunctuation();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();

    public static string From(string sentence)
    {
        var core = PoliteLead().Replace(sentence.Trim(), "", 1);
        core = Spaces().Replace(Filler().Replace(core, " "), " ").Trim();
        core = TrailingInstead().Replace(TrailingPunctuation().Replace(core, ""), "");
        core = WantGone().Replace(core, "remove ${what}");
        core = SomethingOut().Replace(RemoveSynonym().Replace(core, "remove"), "remove ${what}");
        core = PhotoWords.Named(PeopleWords.Neutral(PhotoWords.BeforePeople(core)));
        core = TrailingPunctuation().Replace(core.Trim(), "");
        return core.Length == 0 ? "" : char.ToUpperInvariant(core[0]) + core[1..] + ".";
    }

    /// <summary>An imperative instruction starts with an edit verb; anything else is backstory.</summary>
    public static bool IsInstruction(string imperative) => EditVerbFirst().IsMatch(imperative);

    public static string Verb(string imperative) => EditVerbFirst().Match(imperative).Value.ToLowerInvariant();
}
