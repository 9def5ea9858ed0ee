using Crawler.Core.Domain;

namespace Crawler.Parsers;

/// <summary>Ranks a thread's taken candidates: accepted by the requester first, then by score, then the earliest reply.</summary>
internal static class PairRanking
{
    /// <param name="created">When each reply was posted, by reply id.</param>
    /// <returns>The candidates in their order, taken ones with ranks 1, 2, ..., dropped ones with 0.</returns>
    public static IReadOnlyList<PairCandidate> Rank(IReadOnlyList<PairCandidate> drafts, IReadOnlyDictionary<string, long> created)
    {
        var ranks = drafts.Where(d => d.Taken)
            .OrderByDescending(d => d.AcceptedByRequester)
            .ThenByDescending(d => d.Score)
            .ThenBy(d => created[d.ReplyId])
            .ThenBy(d => d.ReplyId, StringComparer.Ordinal)
            .ThenBy(d => d.ImageIndex)
            .Select((d, i) => (d, rank: i + 1))
            .ToDictionary(x => x.d, x => x.rank);
        return drafts.Select(d => d with { Rank = ranks.GetValueOrDefault(d) }).ToList();
    }
}
