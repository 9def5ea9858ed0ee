using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Crawler.Rewrite.Rules;

/// <summary>Removes what a model should never learn from: links, user names, emoji, markdown, price tags.</summary>
internal static partial class RequestCleaner
{
    [GeneratedRegex(@"\b(https?://|www\.)\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Links();

    [GeneratedRegex(@"(?<!\w)(/?u/[\w-]+|@[\w.-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex UserNames();

    // Title tags such as "[Paid]", "(Free)", "[Specific] -".
    [GeneratedRegex(@"[\[\(][^\]\)]{0,20}[\]\)]\s*[-:|]?\s*")]
    private static partial Regex Tags();

    [GeneratedRegex(@"[*_~#>`|]+")]
    private static partial Regex Markdown();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();

    public static string Clean(string text)
    {
        var withoutLinks = Links().Replace(text, " ");
        var withoutUsers = UserNames().Replace(withoutLinks, " ");
        var withoutTags = Tags().Replace(withoutUsers, " ");
        var withoutMarkdown = Markdown().Replace(withoutTags, " ");
        return Spaces().Replace(WithoutEmoji(withoutMarkdown), " ").Trim();
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
