using Crawler.Core.Domain;

namespace Crawler.Parsers.Reddit;

/// <summary>
/// Reddit's rules for which replies are edits of a request: an image in a reply by someone other than
/// the requester or a bot, not a quote of the original. Pure: the same thread always gives the same pairs.
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
        var requestText = RequestText(thread);
        var drafts = thread.Replies
            .Where(r => r.Images.Count > 0)
            .SelectMany(reply => reply.Images.Select((url, index) => Draft(thread, reply, index, url, requestText, options)))
            .ToList();
        var ranks = drafts.Where(d => d.DropReason is null)
            .OrderByDescending(d => d.AcceptedByRequester)
            .ThenByDescending(d => d.Score)
            .ThenBy(d => thread.Replies.First(r => r.Id == d.ReplyId).CreatedUtc)
            .ThenBy(d => d.ReplyId, StringComparer.Ordinal)
            .ThenBy(d => d.ImageIndex)
            .Select((d, i) => (d, rank: i + 1))
            .ToDictionary(x => x.d, x => x.rank);
        return new PairingResult(drafts.Select(d => d with { Rank = ranks.GetValueOrDefault(d) }).ToList(), null);
    }

    private static PairCandidate Draft(ParsedThread thread, ParsedReply reply, int index, string url, string requestText, RedditPairingOptions options)
    {
        // A reply with as many images as the request answers them one for one; otherwise it edits the first.
        var source = reply.Images.Count == thread.Images.Count ? thread.Images[index] : thread.Images[0];
        return new PairCandidate(
            ReplyId: reply.Id,
            ImageIndex: index,
            SourceUrl: source,
            TargetUrl: url,
            Editor: reply.Author,
            Score: reply.Score,
            AcceptedByRequester: IsAccepted(thread, reply, options),
            Rank: 0,
            RequestText: requestText,
            EditorText: reply.Body,
            DropReason: DropReason(thread, reply, url, options));
    }

    private static string? DropReason(ParsedThread thread, ParsedReply reply, string url, RedditPairingOptions options)
    {
        if (reply.Author is null)
        {
            return "editor account deleted";
        }
        if (thread.Author is not null && string.Equals(reply.Author, thread.Author, StringComparison.OrdinalIgnoreCase))
        {
            return "reply by the requester";
        }
        if (options.Bots.Contains(reply.Author, StringComparer.OrdinalIgnoreCase))
        {
            return $"reply by bot {reply.Author}";
        }
        if (thread.Images.Contains(url, StringComparer.Ordinal))
        {
            return "quotes the original image";
        }
        return null;
    }

    /// <summary>The requester answered this reply with thanks or payment.</summary>
    private static bool IsAccepted(ParsedThread thread, ParsedReply reply, RedditPairingOptions options) =>
        thread.Author is not null
        && thread.Replies.Any(r =>
            r.ParentId == reply.Id
            && string.Equals(r.Author, thread.Author, StringComparison.OrdinalIgnoreCase)
            && options.AcceptancePhrases.Any(p => (r.Body + " ").Contains(p, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Title, body and the requester's own clarifications (their image-less replies that answer no edit).</summary>
    private static string RequestText(ParsedThread thread)
    {
        var editIds = thread.Replies.Where(r => r.Images.Count > 0).Select(r => r.Id).ToHashSet();
        var clarifications = thread.Replies
            .Where(r => thread.Author is not null
                && string.Equals(r.Author, thread.Author, StringComparison.OrdinalIgnoreCase)
                && r.Images.Count == 0
                && !r.Deleted
                && (r.ParentId is null || !editIds.Contains(r.ParentId)))
            .OrderBy(r => r.CreatedUtc)
            .Select(r => r.Body.Trim());
        return string.Join("\n\n", new[] { thread.Title.Trim(), thread.Body.Trim() }.Concat(clarifications).Where(s => s.Length > 0));
    }
}
