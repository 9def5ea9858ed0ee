using System.Numerics;
using System.Runtime.InteropServices;

namespace Crawler.Dedup.Clustering;

/// <summary>
/// A growable set of vectors laid out for scoring many of them against one query: in tiles of one SIMD
/// register's worth of entries, each tile holding its entries' first components side by side, then their
/// second, and so on. A tile's scores are then one register of fused multiply-adds over memory read straight
/// through, whether a query scores the whole set or a short run of it.
/// </summary>
internal sealed class VectorTiles
{
    private static readonly int Lanes = Vector<float>.Count;

    // Tiles scored at once (see ScoreFour).
    private const int Group = 4;

    private float[] _tiles;

    public VectorTiles(int dimensions, int capacity = 16)
    {
        Dimensions = dimensions;
        _tiles = new float[checked(TileCount(Math.Max(capacity, 1)) * TileLength)];
    }

    public int Dimensions { get; }

    public int Count { get; private set; }

    private int TileLength => Dimensions * Lanes;

    public void Add(ReadOnlySpan<float> vector)
    {
        if ((long)(Count + 1) * Dimensions > _tiles.Length)
        {
            Array.Resize(ref _tiles, checked(_tiles.Length * 2));
        }
        var (tile, lane) = Math.DivRem(Count, Lanes);
        for (var d = 0; d < Dimensions; d++)
        {
            _tiles[(tile * TileLength) + (d * Lanes) + lane] = vector[d];
        }
        Count++;
    }

    /// <summary>Writes the dot products of <paramref name="query"/> with entries [0, similarities.Length).</summary>
    public void Score(ReadOnlySpan<float> query, Span<float> similarities) => Score(Broadcast(query), 0, similarities);

    /// <summary>Each component of <paramref name="query"/> filling a register: made once per query, however many runs it scores.</summary>
    public static Vector<float>[] Broadcast(ReadOnlySpan<float> query)
    {
        var broadcast = new Vector<float>[query.Length];
        for (var d = 0; d < query.Length; d++)
        {
            broadcast[d] = new Vector<float>(query[d]);
        }
        return broadcast;
    }

    /// <summary>Writes the dot products of a query, already broadcast, with entries [first, first + similarities.Length).</summary>
    /// <remarks>
    /// Every entry's score is the same fused multiply-adds in the same order wherever its run starts, so an entry
    /// scores the same here as in a full scan.
    /// </remarks>
    public void Score(Vector<float>[] broadcast, int first, Span<float> similarities)
    {
        if (broadcast.Length != Dimensions)
        {
            // The loads below are unchecked: a query of another length would read past the tiles.
            throw new ArgumentException($"query has {broadcast.Length} dimensions; the vectors have {Dimensions}", nameof(broadcast));
        }
        if (similarities.IsEmpty)
        {
            return;
        }
        var end = first + similarities.Length;
        Span<Vector<float>> sums = stackalloc Vector<float>[Group];
        var (firstTile, lastTile) = (first / Lanes, (end - 1) / Lanes);
        for (var tile = firstTile; tile <= lastTile; tile += Group)
        {
            var tiles = Math.Min(Group, lastTile - tile + 1);
            if (tiles == Group)
            {
                ScoreFour(broadcast, tile, sums);
            }
            else
            {
                for (var t = 0; t < tiles; t++)
                {
                    sums[t] = ScoreOne(broadcast, tile + t);
                }
            }
            for (var t = 0; t < tiles; t++)
            {
                Store(sums[t], tile + t, first, end, similarities);
            }
        }
    }

    /// <summary>Four tiles' sums side by side: four independent chains of multiply-adds keep the FMA units busy.</summary>
    private void ScoreFour(Vector<float>[] query, int tile, Span<Vector<float>> sums)
    {
        ref var data = ref MemoryMarshal.GetArrayDataReference(_tiles);
        var at = (nuint)(tile * TileLength);
        var step = (nuint)TileLength;
        var (s0, s1, s2, s3) = (Vector<float>.Zero, Vector<float>.Zero, Vector<float>.Zero, Vector<float>.Zero);
        for (var d = 0; d < query.Length; d++, at += (nuint)Lanes)
        {
            var q = query[d];
            s0 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref data, at), q, s0);
            s1 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref data, at + step), q, s1);
            s2 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref data, at + (2 * step)), q, s2);
            s3 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref data, at + (3 * step)), q, s3);
        }
        (sums[0], sums[1], sums[2], sums[3]) = (s0, s1, s2, s3);
    }

    private Vector<float> ScoreOne(Vector<float>[] query, int tile)
    {
        ref var data = ref MemoryMarshal.GetArrayDataReference(_tiles);
        var at = (nuint)(tile * TileLength);
        var sum = Vector<float>.Zero;
        for (var d = 0; d < query.Length; d++, at += (nuint)Lanes)
        {
            sum = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref data, at), query[d], sum);
        }
        return sum;
    }

    /// <summary>Writes the lanes of <paramref name="tile"/> that fall in [first, end).</summary>
    private static void Store(Vector<float> sum, int tile, int first, int end, Span<float> similarities)
    {
        var (from, to) = (Math.Max(first, tile * Lanes), Math.Min(end, (tile + 1) * Lanes));
        if (to - from == Lanes)
        {
            sum.CopyTo(similarities[(from - first)..]);
            return;
        }
        for (var entry = from; entry < to; entry++)
        {
            similarities[entry - first] = sum[entry - (tile * Lanes)];
        }
    }

    public void CopyTo(int entry, Span<float> vector)
    {
        var (tile, lane) = Math.DivRem(entry, Lanes);
        for (var d = 0; d < Dimensions; d++)
        {
            vector[d] = _tiles[(tile * TileLength) + (d * Lanes) + lane];
        }
    }

    private static int TileCount(int entries) => (entries + Lanes - 1) / Lanes;
}
