using Crawler.Core.Domain;

namespace Crawler.Parsers.Reddit;

/// <summary>Merges <c>/api/morechildren</c> answers into the thread whose "more" stubs they expand.</summary>
public static class RedditMoreChildren
{
    /// <summary>
    /// The thread with the answers' replies added (each reply once; replies of other threads ignored) and its
    /// <see cref="ParsedThread.More"/> reduced to the ids still not fetched, deeper stubs included.
    /// </summary>
    public static ParsedThread Merge(ParsedThread thread, IEnumerable<ParsedPage> answers)
    {
        var replies = thread.Replies.ToList();
        var seen = replies.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var more = thread.More.ToList();
        foreach (var answer in answers)
        {
            replies.AddRange(answer.Replies.Where(r => (r.LinkId is null || r.LinkId == thread.Id) && seen.Add(r.Id)));
            more.AddRange(answer.More);
        }
        return thread with { Replies = replies, More = more.Where(id => !seen.Contains(id)).Distinct(StringComparer.Ordinal).ToList() };
    }
}
