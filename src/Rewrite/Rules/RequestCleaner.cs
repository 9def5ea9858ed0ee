using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Crawler.Rewrite.Rules;

/// <summary>Removes what a model should never learn from: links, user names, emoji and emoticons, markdown, price tags.</summary>
internal static partial class RequestCleaner
{
    [GeneratedRegex(@"\b(https?://|www\.)\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Links();

    [GeneratedRegex(@"(?<!\w)(/?[ur]/[\w-]+|@[\w.-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex UserNames();

    // Title tags such as "[Paid]", "(Free)", "[Specific] -".
    [GeneratedRegex(@"[\[\(][^\]\)]{0,20}[\]\)]\s*[-:|]?\s*")]
    private static partial Regex Tags();

    [GeneratedRegex(@"[*_~#>`|]+")]
    private static partial Regex Markdown();

    [GeneratedRegex(@"(?<!\w)([:;=]-?[()DPpO/\\|]+|\b(lol|lmao|haha+|xd)\b)(?!\w)", RegexOptions.IgnoreCase)]
    private static partial Regex Emoticons();

    // "1. Remove the car 2. Brighten it": each numbered item is its own sentence.
    [GeneratedRegex(@"(^|\s)\d{1,2}[.)]\s+(?=[A-Za-z])")]
    private static partial Regex ListMarkers();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();

    public static string Clean(string text)
    {
        var withoutLinks = Links().Replace(text, " ");
        var withoutUsers = UserNames().Replace(withoutLinks, " ");
        var withoutTags = Tags().Replace(withoutUsers, " ");
        var withoutMarkdown = Markdown().Replace(withoutTags, " ");
        var withoutEmoticons = Emoticons().Replace(WithoutEmoji(withoutMarkdown), " ");
        var listed = ListMarkers().Replace(withoutEmoticons, "\n");
        return Spaces().Replace(listed, " ").Trim();
    }

    private static string WithoutEmoji(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is not (UnicodeCategory.OtherSymbol or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse)
                && rune.Value is not (0xFE0F or 0x200D))
            {
                builder.Append(rune.ToString());
            }
        }
        return builder.ToString();
    }
}
