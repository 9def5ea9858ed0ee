using Crawler.Core.Domain;

namespace Crawler.Parsers.Reddit;

/// <summary>
/// Reddit's rules for which replies are edits of a request: an image in a reply by someone other than the
/// requester or a bot, not a quote of the original. Every image of every reply becomes a candidate, kept
/// with the reason when dropped; taken ones are ranked by the requester's acceptance, then score.
/// Pure: the same thread always gives the same pairs.
/// </summary>
public static class RedditPairing
{
    public static PairingResult Pair(ParsedThread thread, RedditPairingOptions options)
    {
        if (thread.Deleted)
        {
            return new PairingResult([], "thread deleted or removed");
        }
        if (thread.Images.Count == 0)
        {
            return new PairingResult([], "request has no image");
        }
        var roles = new RedditThreadRoles(thread, options);
        var accepted = RedditAcceptance.AcceptedReplies(thread, roles, options);
        var requestText = RedditRequestText.Of(thread, roles);
        var drafts = thread.Replies
            .SelectMany(reply => reply.Images.Select((url, index) => Draft(thread, reply, index, url, requestText, accepted.Contains(reply.Id), roles)))
            .ToList();
        return new PairingResult(Ranked(thread, drafts), null);
    }

    /// <summary>
    /// The drafts with their ranks: taken ones by acceptance, then score, then the earlier reply; dropped ones keep
    /// rank 0. Shared with the battle rules, whose entries are never accepted and so rank by score.
    /// </summary>
    internal static IReadOnlyList<PairCandidate> Ranked(ParsedThread thread, IReadOnlyList<PairCandidate> drafts)
    {
        var created = thread.Replies.DistinctBy(r => r.Id).ToDictionary(r => r.Id, r => r.CreatedUtc);
        return PairRanking.Rank(drafts, created);
    }

    /// <summary>The original a reply's image edits: a reply with as many images as the post answers them one for one; otherwise it edits the first.</summary>
    internal static string SourceOf(ParsedThread thread, ParsedReply reply, int index) =>
        reply.Images.Count == thread.Images.Count ? thread.Images[index] : thread.Images[0];

    private static PairCandidate Draft(ParsedThread thread, ParsedReply reply, int index, string url, string requestText, bool accepted, RedditThreadRoles roles) =>
        new(
            ReplyId: reply.Id,
            ImageIndex: index,
            SourceUrl: SourceOf(thread, reply, index),
            TargetUrl: url,
            Editor: reply.Author,
            Score: reply.Score,
            AcceptedByRequester: accepted,
            Rank: 0,
            RequestText: requestText,
            EditorText: reply.Body,
            DropReason: roles.DropReason(reply, url));
}
