using AngleSharp.Dom;

namespace Crawler.Parsers.Forums;

/// <summary>
/// The images a post's author put in it, at full size: content images (through their lightbox link when they
/// are a thumbnail of one), then attachments (the file's link, not its thumbnail). Never smilies, avatars,
/// reaction sprites, images of a quoted post or of the signature: those are not the author's content.
/// </summary>
internal static class ForumImages
{
    private static readonly string[] DefaultUrlAttributes = ["src"];

    public static IReadOnlyList<string> Of(ForumSite site, IElement post, IElement? body, Uri? pageUrl)
    {
        var excluded = string.Join(", ", new[] { site.Text("quote"), site.Text("signature"), site.Text("notContent") }.OfType<string>());
        var urlAttributes = site.Texts("imageUrlAttributes") is { Count: > 0 } configured ? configured : DefaultUrlAttributes;
        var lightbox = site.Text("lightbox");
        var images = new List<string>();
        if (body is not null)
        {
            foreach (var image in body.QuerySelectorAll(site.Text("contentImage") ?? "img"))
            {
                if (IsExcluded(image, post, excluded))
                {
                    continue;
                }
                // A thumbnail inside a lightbox link stands for the file the link opens.
                var link = lightbox is null ? null : image.Closest(lightbox);
                var raw = link?.GetAttribute("href")
                    ?? urlAttributes.Select(a => image.GetAttribute(a)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
                Add(images, raw, pageUrl);
            }
        }
        if (site.Text("attachment") is { } attachment)
        {
            foreach (var link in post.QuerySelectorAll(attachment).Where(l => !IsExcluded(l, post, excluded)))
            {
                Add(images, link.GetAttribute("href"), pageUrl);
            }
        }
        return images;
    }

    /// <summary>Whether the element, or one of its ancestors inside the post, is a quote, a signature or decoration.</summary>
    private static bool IsExcluded(IElement element, IElement post, string excluded)
    {
        if (excluded.Length == 0)
        {
            return false;
        }
        for (var at = element; at is not null && at != post; at = at.ParentElement)
        {
            if (at.Matches(excluded))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Adds the absolute http(s) form of <paramref name="raw"/> once; inline data and script URLs are no images to fetch.</summary>
    private static void Add(List<string> images, string? raw, Uri? pageUrl)
    {
        if (ForumUrls.Resolve(raw, pageUrl) is { } url && !images.Contains(url))
        {
            images.Add(url);
        }
    }
}
