using System.Numerics.Tensors;

namespace Crawler.Dedup.Clustering;

/// <summary>
/// An inverted-file partition of the entries: spherical k-means cells, each searched only over the angles from
/// which an entry could still reach the threshold (see <see cref="PartitionCell"/>). Every entry at or above the
/// threshold is found, as by a full scan; the partition only saves looking at the rest. Entries added after it
/// was built join their nearest cell.
/// </summary>
internal sealed class CoarsePartition
{
    private const int Seed = 20_261_123;

    // An entry this far from unit length (a flat picture's all-zero vector) has no angle to speak of: it is
    // scored on every query instead. Entries within it may be up to LongestUnit long, which the reach allows for.
    private const float UnitTolerance = 1e-4f;
    private static readonly double LongestUnit = Math.Sqrt(1 + UnitTolerance);

    // Float rounding in scores and angles is far below these; they keep the bound on the safe side.
    private const float ScoreMargin = 1e-4f;
    private const double AngleMargin = 1e-3;

    private readonly Centroids _centroids;
    private readonly PartitionCell[] _cells;
    private readonly VectorTiles _irregular;
    private readonly List<int> _irregularOrdinals = [];

    private CoarsePartition(Centroids centroids, int dimensions, int count)
    {
        _centroids = centroids;
        _cells = new PartitionCell[centroids.Count];
        _irregular = new VectorTiles(dimensions);
        (BuiltCount, Count) = (count, count);
    }

    /// <summary>Entries when it was built.</summary>
    public int BuiltCount { get; }

    public int Count { get; private set; }

    public int Cells => _cells.Length;

    /// <summary>About the square root of the entries, as inverted-file indexes usually take.</summary>
    public static int CellsFor(int entries) => Math.Clamp((int)Math.Round(Math.Sqrt(entries)), 16, 16_384);

    public static CoarsePartition Build(VectorRows rows)
    {
        var centroids = KMeans.Train(rows, CellsFor(rows.Count), Seed);
        var cellOf = KMeans.Assign(rows, Enumerable.Range(0, rows.Count).ToArray(), centroids);
        var partition = new CoarsePartition(centroids, rows.Dimensions, rows.Count);
        var members = Enumerable.Range(0, centroids.Count).Select(_ => new List<(int, float)>()).ToArray();
        for (var i = 0; i < rows.Count; i++)
        {
            if (IsUnit(rows.Row(i)))
            {
                members[cellOf[i]].Add((i, Angle(rows.Row(i), centroids.Of(cellOf[i]))));
            }
            else
            {
                partition.AddIrregular(rows.Ordinal(i), rows.Row(i));
            }
        }
        for (var c = 0; c < members.Length; c++)
        {
            partition._cells[c] = new PartitionCell(rows, members[c]);
        }
        return partition;
    }

    public void Add(int ordinal, ReadOnlySpan<float> vector)
    {
        if (IsUnit(vector))
        {
            var cell = _centroids.Nearest(vector, new float[_centroids.Count]);
            _cells[cell].Append(ordinal, vector, Angle(vector, _centroids.Of(cell)));
        }
        else
        {
            AddIrregular(ordinal, vector);
        }
        Count++;
    }

    /// <summary>Adds to <paramref name="hits"/> every entry whose dot product with the query reaches <paramref name="threshold"/>.</summary>
    /// <returns>How many entries were scored.</returns>
    public int Search(ReadOnlySpan<float> query, float threshold, List<(int Ordinal, float Similarity)> hits)
    {
        var scratch = new float[1024];
        var broadcast = VectorTiles.Broadcast(query);
        var scored = _irregular.Count;
        PartitionCell.Collect(_irregular, 0, _irregular.Count, _irregularOrdinals, broadcast, threshold, hits, ref scratch);
        var norm = TensorPrimitives.Norm(query);
        if (Reach(threshold, norm) is not { } reach)
        {
            return scored;
        }
        var scores = new float[_centroids.Count];
        _centroids.Score(broadcast, scores);
        for (var c = 0; c < _cells.Length; c++)
        {
            var angle = norm > 0 ? Math.Acos(Math.Clamp(scores[c] / norm, -1.0, 1.0)) : Math.PI / 2;
            scored += _cells[c].Search(broadcast, (float)(angle - reach), (float)(angle + reach), threshold, hits, ref scratch);
        }
        return scored;
    }

    public VectorRows Rows()
    {
        var rows = new VectorRows(_irregular.Dimensions, Count);
        foreach (var cell in _cells)
        {
            cell.CopyTo(rows);
        }
        for (var i = 0; i < _irregular.Count; i++)
        {
            _irregular.CopyTo(i, rows.Append(_irregularOrdinals[i]));
        }
        return rows;
    }

    /// <summary>
    /// The largest angle between the query and an entry of about unit length whose dot product reaches the
    /// threshold: |q|·|x|·cos(angle) ≥ threshold, with |x| at most <see cref="LongestUnit"/>. Null when no such
    /// entry can reach it.
    /// </summary>
    private static double? Reach(float threshold, float norm)
    {
        // At or below zero any angle may match (and a shorter entry would reach further): every entry is in reach.
        if (threshold <= 0)
        {
            return Math.PI;
        }
        var ratio = (threshold - ScoreMargin) / (norm * LongestUnit);
        return norm <= 0 || ratio > 1 ? null : Math.Acos(ratio) + AngleMargin;
    }

    private void AddIrregular(int ordinal, ReadOnlySpan<float> vector)
    {
        _irregular.Add(vector);
        _irregularOrdinals.Add(ordinal);
    }

    private static bool IsUnit(ReadOnlySpan<float> vector) => Math.Abs(TensorPrimitives.Dot(vector, vector) - 1) <= UnitTolerance;

    /// <summary>The angle between an entry of about unit length, taken as its direction, and a unit cell direction.</summary>
    private static float Angle(ReadOnlySpan<float> unit, ReadOnlySpan<float> direction) =>
        (float)Math.Acos(Math.Clamp(TensorPrimitives.Dot(unit, direction) / (double)TensorPrimitives.Norm(unit), -1.0, 1.0));
}
