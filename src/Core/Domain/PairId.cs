namespace Crawler.Core.Domain;

/// <summary>The stable identity of a pair: <c>site:thread:reply:image-index</c>, the same in every snapshot.</summary>
public static class PairId
{
    /// <summary>The one place a pair's id is made: from its thread and the candidate that proposes it.</summary>
    public static string Of(ThreadRef thread, PairCandidate candidate) => $"{thread.Key}:{candidate.ReplyId}:{candidate.ImageIndex}";
}
