using Crawler.Core.Domain;
using Crawler.Parsers.Reddit;

namespace Crawler.Parsers.Forums;

/// <summary>
/// A forum thread's pairs, by Reddit's rules where the meaning is the same: the first post is the request and
/// its images the originals; each image in a later post by someone else is an edit; the requester's own
/// later posts clarify the request or accept an edit. Reason strings match RedditPairing's. Pure.
/// </summary>
public static class ForumPairing
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
        var replies = thread.Replies.DistinctBy(r => r.Id).ToList();
        var accepted = Accepted(thread, replies, options);
        var requestText = RequestText(thread, replies, options);
        var drafts = replies
            .SelectMany(reply => reply.Images.Select((url, index) => new PairCandidate(
                ReplyId: reply.Id,
                ImageIndex: index,
                // As on Reddit: as many images as the request answers them one for one; otherwise the first is edited.
                SourceUrl: reply.Images.Count == thread.Images.Count ? thread.Images[index] : thread.Images[0],
                TargetUrl: url,
                Editor: reply.Author,
                Score: reply.Score,
                AcceptedByRequester: accepted.Contains(reply.Id),
                Rank: 0,
                RequestText: requestText,
                EditorText: reply.Body,
                DropReason: DropReason(thread, reply, url, options))))
            .ToList();
        return new PairingResult(PairRanking.Rank(drafts, replies.ToDictionary(r => r.Id, r => r.CreatedUtc)), null);
    }

    private static bool IsRequester(ParsedThread thread, ParsedReply reply) =>
        thread.Author is not null && string.Equals(reply.Author, thread.Author, StringComparison.OrdinalIgnoreCase);

    private static bool IsBot(ParsedReply reply, RedditPairingOptions options) =>
        reply.Author is not null && options.BotsInForce.Contains(reply.Author, StringComparer.OrdinalIgnoreCase);

    private static bool IsEdit(ParsedThread thread, ParsedReply reply, RedditPairingOptions options) =>
        reply.Images.Count > 0 && reply.Author is not null && !IsRequester(thread, reply) && !IsBot(reply, options);

    private static bool Thanks(ParsedReply reply, RedditPairingOptions options) =>
        options.AcceptancePhrasesInForce.Any(p => (reply.Body + " ").Contains(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Posts the requester accepted by thanking: the post their thanks quote, or, when they quote none, the
    /// latest edit posted before the thanks (forums have no reply tree; a thanks follows what it thanks).
    /// </summary>
    private static HashSet<string> Accepted(ParsedThread thread, List<ParsedReply> replies, RedditPairingOptions options)
    {
        var accepted = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < replies.Count; i++)
        {
            var reply = replies[i];
            if (!IsRequester(thread, reply) || reply.Images.Count > 0 || !Thanks(reply, options))
            {
                continue;
            }
            var quoted = replies.FirstOrDefault(r => r.Id == reply.ParentId && IsEdit(thread, r, options));
            var before = quoted ?? replies.Take(i).LastOrDefault(r => IsEdit(thread, r, options));
            if (before is not null)
            {
                accepted.Add(before.Id);
            }
        }
        return accepted;
    }

    /// <summary>Title, body, then the requester's image-less posts that are not thanks: their clarifications.</summary>
    private static string RequestText(ParsedThread thread, List<ParsedReply> replies, RedditPairingOptions options)
    {
        var clarifications = replies
            .Where(r => IsRequester(thread, r) && r.Images.Count == 0 && !r.Deleted && !Thanks(r, options))
            .Select(r => r.Body.Trim());
        return string.Join("\n\n", new[] { thread.Title.Trim(), thread.Body.Trim() }.Concat(clarifications).Where(s => s.Length > 0));
    }

    private static string? DropReason(ParsedThread thread, ParsedReply reply, string url, RedditPairingOptions options)
    {
        if (reply.Author is null)
        {
            return "editor account deleted";
        }
        if (IsRequester(thread, reply))
        {
            return "reply by the requester";
        }
        if (IsBot(reply, options))
        {
            return $"reply by bot {reply.Author}";
        }
        return thread.Images.Contains(url, StringComparer.Ordinal) ? "quotes the original image" : null;
    }
}
