using System.Text.RegularExpressions;

namespace Crawler.Rewrite.Rules;

/// <summary>Turns "can someone please remove my ex from this pic" into "Remove the ex from the photo."</summary>
internal static partial class ImperativeForm
{
    [GeneratedRegex(@"^(so\s+|ok\s+|okay\s+|basically\s+|just\s+)?((can|could|would|will)\s+(some\s?one|some\s?body|any\s?one|any\s?body|you|u|you guys|one of you|a kind soul)\s+(please\s+|pls\s+|plz\s+)?(help( me)?\s+(to\s+)?|try( to)?\s+|maybe\s+)?|(is it possible|is there any way|any chance|possible)\s+(for\s+\w+\s+)?(to\s+)?|i\s*('d| would)\s+(really\s+)?(like|love)\s+(for\s+)?(some\s?one|you|it)?\s*(to\s+)?|i\s+(need|want)\s+(some\s?one|somebody|you)?\s*(to\s+)?|(looking for|need|want)\s+(some\s?one|somebody)\s+(to\s+)?|(please|pls|plz|kindly)\s+|help\s+(me\s+)?(to\s+)?)+", RegexOptions.IgnoreCase)]
    private static partial Regex PoliteLead();

    [GeneratedRegex(@"\s*\b(please|pls|plz|if possible|if you can|for me|asap)\b\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Filler();

    [GeneratedRegex(@"\b(this|the|my|our)\s+(pic|pics|picture|photo|photograph|image|img|shot|selfie)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ThePhoto();

    [GeneratedRegex(@"\b(my|our)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Possessive();

    [GeneratedRegex(@"\b(me|us)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FirstPersonObject();

    [GeneratedRegex(@"\b(i|we)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FirstPersonSubject();

    [GeneratedRegex(@"[\s?!.,]+$")]
    private static partial Regex TrailingPunctuation();

    public static string From(string sentence)
    {
        var core = PoliteLead().Replace(sentence.Trim(), "", 1);
        core = Filler().Replace(core, " ");
        core = ThePhoto().Replace(core, "the photo");
        core = Possessive().Replace(core, "the");
        core = FirstPersonObject().Replace(core, "the person");
        core = FirstPersonSubject().Replace(core, "the person");
        core = TrailingPunctuation().Replace(core.Trim(), "");
        core = Regex.Replace(core, @"\s{2,}", " ");
        return core.Length == 0 ? "" : char.ToUpperInvariant(core[0]) + core[1..] + ".";
    }
}
