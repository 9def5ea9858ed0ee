using System.Text.RegularExpressions;

namespace Crawler.Rewrite.Rules;

/// <summary>Requests that are not a plain single-photo edit: several inputs, an open brief, or a question.</summary>
internal static partial class RequestKinds
{
    [GeneratedRegex(@"\b(combine|merge|composite|blend)\b.*\b(photos|pictures|pics|images|these|them|both)\b|\b(these|both|two|2)\s+(photos|pictures|pics|images)\b|\b(second|2nd|other|another|separate|different)\s+(photo|pic|picture|image|shot)\b|\battached\s+(a\s+)?(photo|pic|picture)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MultipleInputs();

    [GeneratedRegex(@"\b(do your (magic|thing)|surprise (me|us)|go wild|have fun with (it|this)|whatever you (want|like)|anything goes|make (it|this|the photo) (look )?(awesome|cool|better|nice|good|amazing|epic|great|interesting|funny))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Vague();

    [GeneratedRegex(@"^(how|what|which|why|where|who|when|does|do|did|is|are|was|anyone know)\b.*\?$", RegexOptions.IgnoreCase)]
    private static partial Regex Question();

    public static bool NeedsMultipleInputs(string text) => MultipleInputs().IsMatch(text);

    public static bool IsVague(string sentence) => Vague().IsMatch(sentence);

    public static bool IsQuestion(string sentence) => Question().IsMatch(sentence);
}
