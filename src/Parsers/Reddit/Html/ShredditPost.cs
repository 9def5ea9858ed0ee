using System.Globalization;
using AngleSharp.Dom;
using Crawler.Core.Domain;
using Crawler.Parsers.Text;

namespace Crawler.Parsers.Reddit.Html;

/// <summary>
/// A new-reddit post page: the post is a <c>&lt;shreddit-post&gt;</c> element whose attributes carry its facts.
/// Its comments load later by script, so the page gives the post alone.
/// </summary>
internal static class ShredditPost
{
    private const string Deleted = "[deleted]";
    private const string Removed = "[removed]";

    public static ParsedThread Thread(IElement post, Uri baseUrl)
    {
        var id = JsonElementExtensions.WithoutTypePrefix(post.GetAttribute("id"))
            ?? throw new PageFormatException("a <shreddit-post> without its id attribute");
        var markdown = post.QuerySelector("shreddit-post-text-body .md, [slot='text-body'] .md");
        var body = HtmlText.Of(markdown);
        var gone = body is Deleted or Removed;
        var author = post.GetAttribute("author");
        var permalink = post.GetAttribute("permalink");
        return new ParsedThread(
            Id: id,
            Community: post.GetAttribute("subreddit-name") ?? post.GetAttribute("subreddit-prefixed-name")?.Replace("r/", "", StringComparison.Ordinal) ?? "",
            Title: post.GetAttribute("post-title") ?? "",
            Body: gone ? "" : body,
            Author: string.IsNullOrEmpty(author) || author == Deleted ? null : author,
            CreatedUtc: Created(post.GetAttribute("created-timestamp")),
            Flair: post.QuerySelector("shreddit-post-flair .flair-content")?.TextContent.Trim() is { Length: > 0 } flair ? flair : null,
            Nsfw: post.HasAttribute("nsfw"),
            Deleted: gone,
            Images: gone ? [] : Images(post, markdown, baseUrl),
            Replies: [],
            More: [],
            Url: permalink is null ? null : RedditSite.CanonicalUrl(permalink));
    }

    /// <summary>The linked image (<c>content-href</c>), a gallery's slides in order, then images in the text.</summary>
    private static List<string> Images(IElement post, IElement? markdown, Uri baseUrl)
    {
        var images = new List<string>();
        if (Uri.TryCreate(baseUrl, post.GetAttribute("content-href") ?? "", out var content) && ImageLinks.IsImage(content))
        {
            images.Add(content.AbsoluteUri);
        }
        var slides = post.QuerySelectorAll("gallery-carousel img")
            .Select(img => img.GetAttribute("src") ?? img.GetAttribute("data-lazy-src"))
            .Select(src => Uri.TryCreate(baseUrl, src ?? "", out var uri) ? uri : null)
            .OfType<Uri>()
            .Where(ImageLinks.IsImage)
            .Select(u => u.AbsoluteUri);
        RedditMedia.AddDistinct(images, slides);
        RedditMedia.AddDistinct(images, HtmlImages.In(markdown, baseUrl));
        return images;
    }

    /// <summary><c>2026-01-11T08:00:13.574000+0000</c>: ISO 8601 with a colon-less offset, which .NET does not read as is.</summary>
    private static long Created(string? timestamp)
    {
        if (timestamp is { Length: > 5 } && (timestamp[^5] is '+' or '-') && char.IsDigit(timestamp[^1]))
        {
            timestamp = timestamp[..^2] + ":" + timestamp[^2..];
        }
        return DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.ToUnixTimeSeconds() : 0;
    }
}
