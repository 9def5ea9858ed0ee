namespace Crawler.Dedup.Clustering;

/// <summary>
/// Exact threshold search over embedding vectors: every entry whose dot product with the query reaches the
/// threshold (for L2-normalised vectors, the cosine similarity). Small collections are scanned whole
/// (<see cref="VectorTiles"/>); from <see cref="PartitionFrom"/> entries a k-means partition
/// (<see cref="CoarsePartition"/>) skips what cannot match, with the same answers. The partition is rebuilt, at
/// the next query, whenever the collection has doubled since it was built. Keys are the caller's. Not safe for
/// concurrent use: a query may rebuild the partition, so callers serialise.
/// </summary>
public sealed class NearDuplicateIndex<TKey>
    where TKey : notnull
{
    /// <summary>Collections at least this large are partitioned (the crossover measured by <c>bench/run dedup-index</c>).</summary>
    public const int PartitionFrom = 10_000;

    private readonly int _partitionFrom;
    private readonly List<TKey> _keys = [];
    private VectorTiles? _scanned;
    private CoarsePartition? _partition;
    private int _dimensions;

    public NearDuplicateIndex()
        : this(PartitionFrom)
    {
    }

    internal NearDuplicateIndex(int partitionFrom) => _partitionFrom = partitionFrom;

    public int Count => _keys.Count;

    /// <summary>Cells of the partition; 0 while the collection is scanned whole.</summary>
    internal int Cells => _partition?.Cells ?? 0;

    /// <summary>Entries scored by the last query: the work the partition saved is Count minus this.</summary>
    internal int LastScored { get; private set; }

    public void Add(TKey key, ReadOnlySpan<float> vector)
    {
        if (_keys.Count == 0)
        {
            _dimensions = vector.Length;
        }
        CheckDimensions(vector);
        if (!System.Numerics.Tensors.TensorPrimitives.IsFiniteAll(vector))
        {
            // One NaN would poison the partition's training and, through it, every search.
            throw new ArgumentException("vector has a NaN or infinite component", nameof(vector));
        }
        if (_partition is not null)
        {
            _partition.Add(_keys.Count, vector);
        }
        else
        {
            (_scanned ??= new VectorTiles(_dimensions, 1024)).Add(vector);
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
        CheckDimensions(vector);
        Reorganise();
        var hits = new List<(int Ordinal, float Similarity)>();
        if (_partition is not null)
        {
            LastScored = _partition.Search(vector, threshold, hits);
        }
        else if (_scanned is not null)
        {
            var similarities = new float[_scanned.Count];
            _scanned.Score(vector, similarities);
            for (var i = 0; i < similarities.Length; i++)
            {
                if (similarities[i] >= threshold)
                {
                    hits.Add((i, similarities[i]));
                }
            }
            LastScored = similarities.Length;
        }
        return hits
            .OrderByDescending(h => h.Similarity)
            .ThenBy(h => h.Ordinal)
            .Take(limit)
            .Select(h => (_keys[h.Ordinal], h.Similarity))
            .ToList();
    }

    private void CheckDimensions(ReadOnlySpan<float> vector)
    {
        if (vector.Length != _dimensions)
        {
            throw new ArgumentException($"vector has {vector.Length} dimensions; the index holds {_dimensions}", nameof(vector));
        }
    }

    /// <summary>Partitions the collection once it is large enough, and again each time it has doubled.</summary>
    private void Reorganise()
    {
        if (_scanned is { } scanned && scanned.Count >= _partitionFrom)
        {
            var rows = new VectorRows(scanned.Dimensions, scanned.Count);
            for (var i = 0; i < scanned.Count; i++)
            {
                scanned.CopyTo(i, rows.Append(i));
            }
            (_partition, _scanned) = (CoarsePartition.Build(rows), null);
        }
        else if (_partition is { } partition && partition.Count >= 2 * partition.BuiltCount)
        {
            _partition = CoarsePartition.Build(partition.Rows());
        }
    }
}
