using System.Numerics;

namespace Crawler.Dedup.Clustering;

/// <summary>
/// The unit-length entries of one cell of a <see cref="CoarsePartition"/>. Angles obey the triangle inequality
/// on the sphere: an entry at angle θx from the cell's direction and a query at θq are at least |θq − θx|
/// apart, so only entries whose θx lies within the query's reach of θq can match. Entries present when the cell
/// was built are kept in order of θx, so a query scores one contiguous run of them; entries added later sit in a
/// tail that is scored whole, or skipped whole when its range of angles is out of reach.
/// </summary>
internal sealed class PartitionCell
{
    private readonly VectorTiles _built;
    private readonly float[] _builtAngles;
    private readonly int[] _builtOrdinals;
    private readonly VectorTiles _tail;
    private readonly List<int> _tailOrdinals = [];
    private float _tailLeast = float.PositiveInfinity;
    private float _tailMost = float.NegativeInfinity;

    /// <param name="members">Rows of <paramref name="rows"/> with their angles to the cell's direction; reordered here.</param>
    public PartitionCell(VectorRows rows, List<(int Row, float Angle)> members)
    {
        members.Sort((a, b) => a.Angle.CompareTo(b.Angle));
        _built = new VectorTiles(rows.Dimensions, members.Count);
        _builtAngles = new float[members.Count];
        _builtOrdinals = new int[members.Count];
        for (var i = 0; i < members.Count; i++)
        {
            _built.Add(rows.Row(members[i].Row));
            _builtAngles[i] = members[i].Angle;
            _builtOrdinals[i] = rows.Ordinal(members[i].Row);
        }
        _tail = new VectorTiles(rows.Dimensions);
    }

    public void Append(int ordinal, ReadOnlySpan<float> vector, float angle)
    {
        _tail.Add(vector);
        _tailOrdinals.Add(ordinal);
        (_tailLeast, _tailMost) = (Math.Min(_tailLeast, angle), Math.Max(_tailMost, angle));
    }

    /// <summary>Adds to <paramref name="hits"/> every entry with an angle in [least, most] whose dot product with the query reaches <paramref name="threshold"/>.</summary>
    /// <param name="scratch">Room for the scores of the cell's largest run; grown here when short.</param>
    /// <returns>How many entries were scored.</returns>
    public int Search(Vector<float>[] query, float least, float most, float threshold, List<(int Ordinal, float Similarity)> hits, ref float[] scratch)
    {
        var scored = 0;
        if (_builtAngles.Length > 0 && _builtAngles[0] <= most && _builtAngles[^1] >= least)
        {
            var (from, to) = (FirstAtLeast(least), FirstAbove(most));
            Collect(_built, from, to - from, _builtOrdinals, query, threshold, hits, ref scratch);
            scored += to - from;
        }
        if (_tail.Count > 0 && _tailMost >= least && _tailLeast <= most)
        {
            Collect(_tail, 0, _tail.Count, _tailOrdinals, query, threshold, hits, ref scratch);
            scored += _tail.Count;
        }
        return scored;
    }

    /// <summary>Appends every entry, built and added since, to <paramref name="rows"/>.</summary>
    public void CopyTo(VectorRows rows)
    {
        for (var i = 0; i < _built.Count; i++)
        {
            _built.CopyTo(i, rows.Append(_builtOrdinals[i]));
        }
        for (var i = 0; i < _tail.Count; i++)
        {
            _tail.CopyTo(i, rows.Append(_tailOrdinals[i]));
        }
    }

    /// <summary>The first built entry whose angle is at least <paramref name="angle"/> (angles ascend).</summary>
    private int FirstAtLeast(float angle)
    {
        var (low, high) = (0, _builtAngles.Length);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            (low, high) = _builtAngles[middle] < angle ? (middle + 1, high) : (low, middle);
        }
        return low;
    }

    /// <summary>The first built entry whose angle is above <paramref name="angle"/>.</summary>
    private int FirstAbove(float angle)
    {
        var (low, high) = (0, _builtAngles.Length);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            (low, high) = _builtAngles[middle] <= angle ? (middle + 1, high) : (low, middle);
        }
        return low;
    }

    /// <summary>Scores entries [from, from + count) of <paramref name="entries"/> and keeps those reaching the threshold.</summary>
    /// <param name="query">The query, each component broadcast (<see cref="VectorTiles.Broadcast"/>).</param>
    internal static void Collect(VectorTiles entries, int from, int count, IReadOnlyList<int> ordinals, Vector<float>[] query, float threshold,
        List<(int Ordinal, float Similarity)> hits, ref float[] scratch)
    {
        if (count <= 0)
        {
            return;
        }
        if (scratch.Length < count)
        {
            scratch = new float[Math.Max(count, scratch.Length * 2)];
        }
        var scores = scratch.AsSpan(0, count);
        entries.Score(query, from, scores);
        for (var i = 0; i < count; i++)
        {
            if (scores[i] >= threshold)
            {
                hits.Add((ordinals[from + i], scores[i]));
            }
        }
    }
}
