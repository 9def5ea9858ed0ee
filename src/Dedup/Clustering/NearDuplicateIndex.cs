using System.Numerics.Tensors;

namespace Crawler.Dedup.Clustering;

/// <summary>
/// Exact nearest-neighbour search over L2-normalised vectors kept in one contiguous block, scanned with
/// SIMD dot products. Brute force is exact and, at the built-in model's 34 dimensions, costs about a
/// millisecond per 100,000 vectors on one core; past <see cref="ParallelFrom"/> vectors the scan is split
/// across cores. Keys are the caller's.
/// </summary>
public sealed class NearDuplicateIndex<TKey>
    where TKey : notnull
{
    /// <summary>Collections at least this large are scanned on all cores.</summary>
    public const int ParallelFrom = 200_000;

    private readonly List<TKey> _keys = [];
    private float[] _vectors = new float[1024];
    private int _dimensions = -1;

    public int Count => _keys.Count;

    public void Add(TKey key, ReadOnlySpan<float> vector)
    {
        if (_dimensions < 0)
        {
            _dimensions = vector.Length;
        }
        if (vector.Length != _dimensions)
        {
            throw new ArgumentException($"vector has {vector.Length} dimensions; the index holds {_dimensions}", nameof(vector));
        }
        if ((_keys.Count + 1) * _dimensions > _vectors.Length)
        {
            Array.Resize(ref _vectors, Math.Max(_vectors.Length * 2, (_keys.Count + 1) * _dimensions));
        }
        vector.CopyTo(_vectors.AsSpan(_keys.Count * _dimensions));
        _keys.Add(key);
    }

    /// <summary>The most similar entry at or above <paramref name="threshold"/>; ties go to the earliest added.</summary>
    public (TKey Key, float Similarity)? Nearest(ReadOnlySpan<float> vector, float threshold) =>
        Candidates(vector, threshold, 1) is [var best] ? best : null;

    /// <summary>Up to <paramref name="limit"/> entries at or above <paramref name="threshold"/>, most similar first (ties: earliest added).</summary>
    public IReadOnlyList<(TKey Key, float Similarity)> Candidates(ReadOnlySpan<float> vector, float threshold, int limit)
    {
        if (_keys.Count == 0)
        {
            return [];
        }
        var similarities = new float[_keys.Count];
        var query = vector.ToArray();
        if (_keys.Count >= ParallelFrom)
        {
            Parallel.For(0, Environment.ProcessorCount, part => Scan(query, similarities, part, Environment.ProcessorCount));
        }
        else
        {
            Scan(query, similarities, 0, 1);
        }
        return Enumerable.Range(0, _keys.Count)
            .Where(i => similarities[i] >= threshold)
            .OrderByDescending(i => similarities[i])
            .ThenBy(i => i)
            .Take(limit)
            .Select(i => (_keys[i], similarities[i]))
            .ToList();
    }

    private void Scan(float[] query, float[] similarities, int part, int parts)
    {
        var (start, end) = ((int)((long)_keys.Count * part / parts), (int)((long)_keys.Count * (part + 1) / parts));
        for (var i = start; i < end; i++)
        {
            similarities[i] = TensorPrimitives.Dot(query, _vectors.AsSpan(i * _dimensions, _dimensions));
        }
    }
}
