namespace Crawler.Core.Domain;

/// <summary>The stable identity of a pair: <c>site:thread:reply:image-index</c>, the same in every snapshot.</summary>
public static class PairId
{
    public static string Format(string site, string threadId, string replyId, int imageIndex) =>
        $"{site}:{threadId}:{replyId}:{imageIndex}";
}
