using AngleSharp.Dom;
using Crawler.Core.Domain;
using Crawler.Parsers.Text;

namespace Crawler.Parsers.Reddit.Html;

/// <summary>A post row (<c>.thing.link</c>) of an old.reddit listing or comments page as a thread.</summary>
internal static class OldRedditPost
{
    public static ParsedThread Thread(IElement thing, Uri baseUrl, IReadOnlyList<ParsedReply> replies, IReadOnlyList<string> more)
    {
        var id = OldRedditThing.Id(thing);
        var markdown = OldRedditThing.Markdown(thing);
        var body = HtmlText.Of(markdown);
        var gone = OldRedditThing.IsGone(thing, body);
        var permalink = Permalink(thing);
        var images = new List<string>();
        if (LinkUrl(thing, baseUrl) is { } link && ImageLinks.IsImage(link))
        {
            images.Add(link.AbsoluteUri);
        }
        RedditMedia.AddDistinct(images, gone ? [] : HtmlImages.In(markdown, baseUrl));
        return new ParsedThread(
            Id: id,
            Community: thing.GetAttribute("data-subreddit") ?? CommunityOf(permalink) ?? CommunityOf(baseUrl.AbsolutePath) ?? "",
            Title: HtmlText.Of(OldRedditThing.Entry(thing)?.QuerySelector("a.title")),
            Body: gone ? "" : body,
            Author: OldRedditThing.Author(thing),
            CreatedUtc: OldRedditThing.Created(thing),
            Flair: OldRedditThing.Flair(thing),
            Nsfw: OldRedditThing.Nsfw(thing),
            Deleted: gone,
            Images: images,
            Replies: replies,
            More: more,
            Url: permalink is null ? null : RedditSite.CanonicalUrl(permalink));
    }

    /// <summary>What the post links to: <c>data-url</c>, else the title's link (relative for self posts).</summary>
    private static Uri? LinkUrl(IElement thing, Uri baseUrl)
    {
        var href = thing.GetAttribute("data-url") ?? OldRedditThing.Entry(thing)?.QuerySelector("a.title")?.GetAttribute("href");
        return href is not null && Uri.TryCreate(baseUrl, href, out var url) ? url : null;
    }

    private static string? Permalink(IElement thing)
    {
        if (thing.GetAttribute("data-permalink") is { } permalink)
        {
            return permalink;
        }
        var href = OldRedditThing.Entry(thing)?.QuerySelector("a.comments")?.GetAttribute("href");
        return href is not null && Uri.TryCreate(RedditSite.Www, href, out var url) ? url.AbsolutePath : null;
    }

    /// <summary><c>/r/NAME/...</c> names community NAME.</summary>
    private static string? CommunityOf(string? path)
    {
        var parts = path?.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts is { Length: >= 2 } && parts[0] == "r" ? parts[1] : null;
    }
}
