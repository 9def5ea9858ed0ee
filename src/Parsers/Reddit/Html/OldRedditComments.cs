using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Crawler.Core.Domain;

namespace Crawler.Parsers.Reddit.Html;

/// <summary>
/// An old.reddit comments page: the post, every rendered comment flattened in page order with its parent,
/// and the ids behind "load more comments" stubs.
/// </summary>
internal static partial class OldRedditComments
{
    // onclick="return morechildren(this, 't3_579km2', 'confidence', 'd8q9vc0,d8qb015', 4)"
    [GeneratedRegex(@"morechildren\(\s*this\s*,\s*'[^']*'\s*,\s*'[^']*'\s*,\s*'([^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex MoreChildrenCall();

    public static ParsedPage Parse(IElement commentArea, IDocument document, Uri baseUrl)
    {
        var post = document.QuerySelectorAll("#siteTable > .thing").FirstOrDefault(t => OldRedditThing.Kind(t) == "link")
            ?? throw new PageFormatException("a comments page without its post (no .thing.link in #siteTable)");
        var threadId = OldRedditThing.Id(post);
        var replies = new List<ParsedReply>();
        var more = new List<string>();
        foreach (var thing in commentArea.QuerySelectorAll(".thing"))
        {
            switch (OldRedditThing.Kind(thing))
            {
                case "comment":
                    replies.Add(Reply(thing, threadId, baseUrl));
                    break;
                case "morechildren":
                    more.AddRange(MoreIds(thing));
                    break;
                case "morerecursion":
                    break; // "continue this thread" links carry no ids; the comments are reached through their parent
                default:
                    throw new PageFormatException($"unexpected thing '{OldRedditThing.Kind(thing)}' among the comments");
            }
        }
        return new ParsedPage([OldRedditPost.Thread(post, baseUrl, replies, more)], null, []);
    }

    private static ParsedReply Reply(IElement thing, string threadId, Uri baseUrl)
    {
        var markdown = OldRedditThing.Markdown(thing);
        var body = HtmlText.Of(markdown);
        var gone = OldRedditThing.IsGone(thing, body);
        var parent = thing.ParentElement?.Closest(".thing");
        return new ParsedReply(
            Id: OldRedditThing.Id(thing),
            ParentId: parent is null ? threadId : OldRedditThing.Id(parent),
            Author: OldRedditThing.Author(thing),
            CreatedUtc: OldRedditThing.Created(thing),
            Score: OldRedditThing.Score(thing),
            Body: gone ? "" : body,
            Deleted: gone,
            Images: gone ? [] : HtmlImages.In(markdown, baseUrl));
    }

    private static string[] MoreIds(IElement thing)
    {
        var call = thing.QuerySelector(".morecomments a")?.GetAttribute("onclick") ?? "";
        return MoreChildrenCall().Match(call) is { Success: true } match
            ? match.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : throw new PageFormatException($"a 'load more comments' stub ({thing.GetAttribute("data-fullname")}) without its morechildren ids");
    }
}
