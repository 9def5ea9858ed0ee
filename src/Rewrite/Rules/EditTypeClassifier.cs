using System.Text.RegularExpressions;

namespace Crawler.Rewrite.Rules;

/// <summary>Labels an instruction with one edit type by its words; the first matching rule wins.</summary>
internal static class EditTypeClassifier
{
    private static readonly (string Type, Regex Pattern)[] Rules =
    [
        (EditTypes.Background, Words("background|backdrop|behind (him|her|them|the person|the people)|scenery")),
        (EditTypes.Text, Words("text|words?|caption|writing|lettering|font|says?|date")),
        // Named flaws of skin and face, before "remove": "remove the acne" is a retouch.
        (EditTypes.Retouch, Words("skin|acne|pimples?|wrinkles?|blemish(es)?|teeth|double chin|eye bags|red eyes?|makeup|slimmer|thinner|look (less|more|younger|older) ?\\w*")),
        (EditTypes.RestoreRepair, Words("restore|repair|scratch(es)?|tears?|torn|creases?|stains?|damaged?|faded|old photo|unblur|blurry|sharpen|enhance|fix the (photo|quality)|quality|grainy|pixelated|colou?ri[sz]e")),
        (EditTypes.RemoveObject, Words("remove|erase|delete|get rid of|take out|edit out|cut out|clean up|without")),
        (EditTypes.Retouch, Words("eyes?|smile|face|hair|tan")),
        (EditTypes.Style, Words("cartoon|anime|painting|paint|style|drawing|sketch|pixar|ghibli|watercolou?r|oil")),
        (EditTypes.CropCompose, Words("crop|straighten|rotate|resize|extend|expand|uncrop|zoom|center|centre|move|flip")),
        (EditTypes.ColourTone, Words("colou?rs?|black and white|b&w|brighten|brighter|darken|darker|lighten|lighter|exposure|saturat\\w*|warm(er)?|cool(er)?|tone|tint|contrast|blue|red|green|yellow|pink|purple|orange")),
        (EditTypes.Replace, Words("replace|swap|switch|change|instead of|turn .* into")),
        (EditTypes.AddObject, Words("add|put|insert|place|give")),
    ];

    // "the man in the background" names where an object is, not the background as the thing to change.
    private static readonly Regex BackgroundAsPlace = Words("(in|from|on|at) the (background|backdrop)");

    public static string Classify(string text)
    {
        var candidates = BackgroundAsPlace.IsMatch(text) ? Rules.Where(r => r.Type != EditTypes.Background) : Rules;
        return candidates.FirstOrDefault(r => r.Pattern.IsMatch(text)).Type ?? EditTypes.Other;
    }

    private static Regex Words(string alternatives) =>
        new($@"\b({alternatives})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
}
