using System.Numerics.Tensors;

namespace Crawler.Dedup.Clustering;

/// <summary>
/// Exact nearest-neighbour search over L2-normalised vectors, stored column by column so that a query is a
/// few long SIMD multiply-adds (one per dimension) over all entries. Brute force is exact and cheap at the
/// built-in model's 34 dimensions (measured in the README); past <see cref="ParallelFrom"/> entries the scan
/// is split across cores. Keys are the caller's.
/// </summary>
public sealed class NearDuplicateIndex<TKey>
    where TKey : notnull
{
    /// <summary>Collections at least this large are scanned on all cores.</summary>
    public const int ParallelFrom = 200_000;

    private readonly List<TKey> _keys = [];
    private float[][] _columns = [];

    public int Count => _keys.Count;

    public void Add(TKey key, ReadOnlySpan<float> vector)
    {
        if (_keys.Count == 0 && _columns.Length != vector.Length)
        {
            _columns = [.. Enumerable.Range(0, vector.Length).Select(_ => new float[1024])];
        }
        if (vector.Length != _columns.Length)
        {
            throw new ArgumentException($"vector has {vector.Length} dimensions; the index holds {_columns.Length}", nameof(vector));
        }
        for (var d = 0; d < vector.Length; d++)
        {
            if (_keys.Count == _columns[d].Length)
            {
                Array.Resize(ref _columns[d], _columns[d].Length * 2);
            }
            _columns[d][_keys.Count] = vector[d];
        }
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
        var above = new List<int>();
        for (var i = 0; i < similarities.Length; i++)
        {
            if (similarities[i] >= threshold)
            {
                above.Add(i);
            }
        }
        return above
            .OrderByDescending(i => similarities[i])
            .ThenBy(i => i)
            .Take(limit)
            .Select(i => (_keys[i], similarities[i]))
            .ToList();
    }

    private void Scan(float[] query, float[] similarities, int part, int parts)
    {
        // Blocks small enough that their running sums stay in the L1 cache while every column passes over them.
        const int block = 4096;
        var (start, end) = ((int)((long)_keys.Count * part / parts), (int)((long)_keys.Count * (part + 1) / parts));
        for (var from = start; from < end; from += block)
        {
            var length = Math.Min(block, end - from);
            var result = similarities.AsSpan(from, length);
            for (var d = 0; d < query.Length; d++)
            {
                TensorPrimitives.MultiplyAdd(_columns[d].AsSpan(from, length), query[d], result, result);
            }
        }
    }
}
