using Crawler.Core.Domain;
using Crawler.Parsers.Text;

namespace Crawler.Parsers.Reddit;

/// <summary>
/// r/photoshopbattles' rules: the post is a base image and each top-level comment with an image is a creative
/// edit of it, answering no request. So there is no request text, nobody accepts an entry, and the entry's own
/// caption (its text without the image links) is all the words a pair has; replies to entries are chatter or
/// entries of a sub-battle and are dropped, saying so. Taken entries rank by score.
/// </summary>
public static class RedditBattlePairing
{
    public const string NotTopLevel = "not a top-level battle entry";
    public const string ByOriginalPoster = "comment by the battle's original poster";

    public static PairingResult Pair(ParsedThread thread, RedditPairingOptions options)
    {
        if (thread.Deleted)
        {
            return new PairingResult([], "thread deleted or removed");
        }
        if (thread.Images.Count == 0)
        {
            return new PairingResult([], "battle post has no base image");
        }
        var roles = new RedditThreadRoles(thread, options);
        var drafts = thread.Replies
            .SelectMany(reply => reply.Images.Select((url, index) => Entry(thread, reply, index, url, roles)))
            .ToList();
        return new PairingResult(RedditPairing.Ranked(thread, drafts), null);
    }

    private static PairCandidate Entry(ParsedThread thread, ParsedReply reply, int index, string url, RedditThreadRoles roles) =>
        new(
            ReplyId: reply.Id,
            ImageIndex: index,
            SourceUrl: RedditPairing.SourceOf(thread, reply, index),
            TargetUrl: url,
            Editor: reply.Author,
            Score: reply.Score,
            AcceptedByRequester: false,
            Rank: 0,
            RequestText: "",
            EditorText: ImageLinks.WithoutImages(reply.Body),
            DropReason: DropReason(thread, reply, url, roles))
        {
            Kind = PairKind.Battle,
        };

    private static string? DropReason(ParsedThread thread, ParsedReply reply, string url, RedditThreadRoles roles) =>
        reply.ParentId != thread.Id ? NotTopLevel
            : roles.IsRequester(reply) ? ByOriginalPoster
            : roles.DropReason(reply, url);
}
