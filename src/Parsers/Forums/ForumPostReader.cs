using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Crawler.Parsers.Reddit.Html;

namespace Crawler.Parsers.Forums;

/// <summary>Reads one post container with a site file's selectors.</summary>
internal static partial class ForumPostReader
{
    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();

    [GeneratedRegex(@"-?\d[\d,.]*", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    /// <returns>Null for a container without a post id or an author: an ad or a deleted-post stub posing as a post.</returns>
    public static ForumPost? Read(ForumSite site, IElement post, Uri? pageUrl)
    {
        var raw = post.GetAttribute(site.Text("postIdAttribute")!);
        // Most forums number posts; a site with other ids (zhopped's base62) says how to find them.
        var id = site.PostIdPattern is { } pattern
            ? (raw is not null && pattern.Match(raw) is { Success: true } m ? m.Groups["id"].Value : null)
            : LastNumber(raw);
        var author = Author(site, post);
        if (id is null || string.IsNullOrWhiteSpace(author))
        {
            return null;
        }
        var body = post.QuerySelector(site.Text("postBody")!);
        return new ForumPost(
            Id: id,
            Author: author.Trim(),
            CreatedUtc: site.Text("postTime") is { } time ? ForumTime.Of(post.QuerySelector(time)) : 0,
            Score: site.Text("postScore") is { } score ? Score(post.QuerySelector(score), site.Text("postScoreNames")) : 0,
            Body: Text(site, body),
            Images: ForumImages.Of(site, post, body, pageUrl),
            QuotedPostId: QuotedPost(site, body));
    }

    /// <summary>The digits that number a post in attributes such as <c>post-123</c>, <c>post_123</c> or <c>post: 123</c>.</summary>
    public static string? LastNumber(string? text) =>
        text is null ? null : Digits().Matches(text).LastOrDefault()?.Value;

    private static string? Author(ForumSite site, IElement post) =>
        site.Text("postAuthorAttribute") is { } attribute && post.GetAttribute(attribute) is { Length: > 0 } named
            ? named
            : site.Text("postAuthor") is { } selector ? post.QuerySelector(selector)?.TextContent : null;

    /// <summary>The body's text as a reader sees it, without what others wrote (quotes) or what every post repeats (the signature).</summary>
    private static string Text(ForumSite site, IElement? body)
    {
        if (body is null)
        {
            return "";
        }
        var copy = (IElement)body.Clone(deep: true);
        foreach (var selector in new[] { site.Text("quote"), site.Text("signature") }.OfType<string>())
        {
            foreach (var element in copy.QuerySelectorAll(selector).ToList())
            {
                element.Remove();
            }
        }
        var text = HtmlText.Of(copy);
        // A site that prints a placeholder for an empty description ("No additional information") means no text.
        return site.Texts("emptyBody").Any(e => string.Equals(e.Trim(), text, StringComparison.OrdinalIgnoreCase)) ? "" : text;
    }

    private static string? QuotedPost(ForumSite site, IElement? body) =>
        body is not null && site.Text("quote") is { } quote && site.Text("quoteSourceAttribute") is { } attribute
            ? body.QuerySelectorAll(quote).Select(q => LastNumber(q.GetAttribute(attribute))).FirstOrDefault(id => id is not null)
            : null;

    /// <summary>
    /// The first number in the element's text ("12 points", "+3"), plus, when the site lists reactors by name
    /// ("A, B and 12 others"), the names: their count, taken out first so that digits in a name do not count.
    /// </summary>
    private static int Score(IElement? element, string? names)
    {
        if (element is null)
        {
            return 0;
        }
        var named = 0;
        if (names is not null)
        {
            element = (IElement)element.Clone(deep: true);
            foreach (var name in element.QuerySelectorAll(names).ToList())
            {
                named++;
                name.Remove();
            }
        }
        var match = Number().Match(element.TextContent);
        var number = match.Success && int.TryParse(match.Value.Replace(",", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var counted)
            ? counted
            : 0;
        return named + number;
    }
}
