using AngleSharp.Dom;
using Crawler.Core.Domain;

namespace Crawler.Parsers.Reddit.Html;

/// <summary>An old.reddit listing page: the post rows of <c>#siteTable</c> and the <c>next</c> link.</summary>
internal static class OldRedditListing
{
    public static ParsedPage Parse(IElement siteTable, IDocument document, Uri baseUrl)
    {
        var threads = siteTable.Children
            .Where(row => row.ClassList.Contains("thing") && OldRedditThing.Kind(row) == "link" && !IsAdvert(row))
            .Select(row => OldRedditPost.Thread(row, baseUrl, [], []))
            .ToList();
        return new ParsedPage(threads, Next(document, baseUrl), []);
    }

    private static bool IsAdvert(IElement row) =>
        row.GetAttribute("data-promoted") == "true" || row.ClassList.Contains("promoted") || row.ClassList.Contains("promotedlink");

    /// <summary>The <c>after</c> token of the next page, as the JSON listing gives it; the link itself when it has none.</summary>
    private static string? Next(IDocument document, Uri baseUrl)
    {
        var href = document.QuerySelector("a[rel~='next']")?.GetAttribute("href");
        if (href is null || !Uri.TryCreate(baseUrl, href, out var next))
        {
            return null;
        }
        var after = next.Query.TrimStart('?').Split('&')
            .Select(pair => pair.Split('=', 2))
            .FirstOrDefault(kv => kv.Length == 2 && kv[0] == "after")?[1];
        return after is { Length: > 0 } ? Uri.UnescapeDataString(after) : next.AbsoluteUri;
    }
}
