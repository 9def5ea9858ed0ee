using AngleSharp.Dom;
using Crawler.Parsers.Text;

namespace Crawler.Parsers.Reddit.Html;

/// <summary>Images a rendered post or comment links or embeds, in the order they appear, each image once.</summary>
internal static class HtmlImages
{
    public static IReadOnlyList<string> In(IElement? markdown, Uri baseUrl)
    {
        var images = new List<string>();
        if (markdown is null)
        {
            return images;
        }
        var linked = markdown.QuerySelectorAll("a[href], img[src]")
            .Select(e => e.GetAttribute(e.LocalName == "a" ? "href" : "src"))
            .OfType<string>()
            .Select(link => Uri.TryCreate(baseUrl, link.Trim(), out var uri) ? uri : null)
            .OfType<Uri>();
        // Text that only looks like a link (inside code, or escaped) is still how some editors post results.
        var written = ImageLinks.FindUrls(markdown.TextContent, baseUrl);
        RedditMedia.AddDistinct(images, linked.Concat(written).Where(ImageLinks.IsImage).Select(u => u.AbsoluteUri));
        return images;
    }
}
