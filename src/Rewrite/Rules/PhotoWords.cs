using System.Text.RegularExpressions;

namespace Crawler.Rewrite.Rules;

/// <summary>
/// Words about the photo itself. "this pic" is "the photo"; "from this pic" at the end says nothing an edit
/// model needs; "brighten it" and "unblur this" mean the whole photo.
/// </summary>
internal static partial class PhotoWords
{
    private const string Photo = "pics?|pictures?|photos?|photographs?|images?|imgs?|shots?|selfies?|portraits?";

    // "of my grandparents" after the photo is backstory, not part of the edit.
    [GeneratedRegex($@"\b({Photo})\s+of\s+(my|our|me|us)\b.*$", RegexOptions.IgnoreCase)]
    private static partial Regex PhotoOfOwn();

    [GeneratedRegex($@"\b(this|that|these|those|my|our)\s+((?:[\w-]+\s+){{0,2}}?)({Photo})\b", RegexOptions.IgnoreCase)]
    private static partial Regex ThisPhoto();

    [GeneratedRegex(@"\s+(from|in|out of)\s+(the photo|this one|that one)$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingPlace();

    [GeneratedRegex(@"^(brighten|lighten|darken|sharpen|enhance|restore|fix|colou?ri[sz]e|unblur|make|edit|crop|rotate|straighten|retouch|clean|upscale)\s+(it|this)(\s+up)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex WholePhoto();

    public static string BeforePeople(string text) => PhotoOfOwn().Replace(text, "$1");

    public static string Named(string text)
    {
        var named = ThisPhoto().Replace(text, m => "the " + m.Groups[2].Value + Singular(m.Groups[3].Value));
        return WholePhoto().Replace(TrailingPlace().Replace(named, ""), "$1 the photo");
    }

    private static string Singular(string noun) => noun.EndsWith('s') ? "photos" : "photo";
}
