using Crawler.Dedup.Embedding;

namespace Crawler.Dedup.Clustering;

/// <summary>
/// Brute-force nearest neighbour over normalised vectors. Exact, and fast enough for tens of thousands
/// of vectors (one dot product each); keys are the caller's.
/// </summary>
public sealed class NearDuplicateIndex<TKey>
    where TKey : notnull
{
    private readonly List<(TKey Key, float[] Vector)> _entries = [];

    public int Count => _entries.Count;

    public void Add(TKey key, float[] vector) => _entries.Add((key, vector));

    /// <summary>The most similar entry at or above <paramref name="threshold"/>; ties go to the earliest added.</summary>
    public (TKey Key, float Similarity)? Nearest(ReadOnlySpan<float> vector, float threshold)
    {
        (TKey Key, float Similarity)? best = null;
        foreach (var (key, candidate) in _entries)
        {
            var similarity = VectorMath.Dot(vector, candidate);
            if (similarity >= threshold && (best is null || similarity > best.Value.Similarity))
            {
                best = (key, similarity);
            }
        }
        return best;
    }
}
