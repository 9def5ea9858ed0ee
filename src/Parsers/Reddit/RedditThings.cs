using System.Text.Json;
using Crawler.Core.Domain;
using Crawler.Parsers.Text;

namespace Crawler.Parsers.Reddit;

/// <summary>Maps Reddit "things" (t3 posts, t1 comments) to the domain records.</summary>
internal static class RedditThings
{
    private const string DeletedMarker = "[deleted]";
    private const string RemovedMarker = "[removed]";

    public static ParsedThread Thread(JsonElement post, IReadOnlyList<ParsedReply> replies, IReadOnlyList<string> more, Uri? baseUrl)
    {
        var id = post.Str("id") ?? throw new PageFormatException("t3 post without an id");
        var body = post.Str("selftext") ?? "";
        var gone = IsGone(body) || post.Str("removed_by_category") is not null;
        var permalink = post.Str("permalink");
        return new ParsedThread(
            Id: id,
            Community: post.Str("subreddit") ?? "",
            Title: post.Str("title") ?? "",
            Body: IsGone(body) ? "" : body,
            Author: AuthorOf(post),
            CreatedUtc: post.Long("created_utc"),
            Flair: post.Str("link_flair_text"),
            Nsfw: post.Bool("over_18"),
            Deleted: gone,
            Images: gone ? [] : RedditMedia.PostImages(post, baseUrl),
            Replies: replies,
            More: more,
            Url: permalink is null ? null : RedditSite.CanonicalUrl(permalink));
    }

    public static ParsedReply Reply(JsonElement comment, Uri? baseUrl)
    {
        var body = comment.Str("body") ?? "";
        var gone = IsGone(body);
        return new ParsedReply(
            Id: comment.Str("id") ?? throw new PageFormatException("t1 comment without an id"),
            ParentId: JsonElementExtensions.WithoutTypePrefix(comment.Str("parent_id")),
            Author: AuthorOf(comment),
            CreatedUtc: comment.Long("created_utc"),
            Score: comment.Int("score"),
            Body: gone ? "" : body,
            Deleted: gone,
            Images: gone ? [] : RedditMedia.CommentImages(comment, baseUrl),
            LinkId: JsonElementExtensions.WithoutTypePrefix(comment.Str("link_id")));
    }

    private static string? AuthorOf(JsonElement thing) =>
        thing.Str("author") is { } author && author != DeletedMarker ? author : null;

    private static bool IsGone(string body) => body is DeletedMarker or RemovedMarker;
}
