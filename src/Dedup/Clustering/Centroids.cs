using System.Numerics.Tensors;

namespace Crawler.Dedup.Clustering;

/// <summary>The cells of a coarse partition as unit directions: which a vector is nearest to in angle, and how a query scores against each.</summary>
internal sealed class Centroids
{
    private readonly float[] _rows;
    private readonly VectorTiles _directions;

    /// <param name="rows">Directions one after another, <paramref name="dimensions"/> values each; scaled to unit length here.</param>
    public Centroids(float[] rows, int dimensions)
    {
        _rows = rows;
        Count = rows.Length / dimensions;
        _directions = new VectorTiles(dimensions, Count);
        for (var c = 0; c < Count; c++)
        {
            var direction = _rows.AsSpan(c * dimensions, dimensions);
            var norm = TensorPrimitives.Norm(direction);
            if (norm > 1e-12f)
            {
                TensorPrimitives.Divide(direction, norm, direction);
            }
            _directions.Add(direction);
        }
    }

    public int Count { get; }

    public ReadOnlySpan<float> Of(int cell) => _rows.AsSpan(cell * _directions.Dimensions, _directions.Dimensions);

    /// <summary>The dot product of <paramref name="query"/> with every direction.</summary>
    public void Score(ReadOnlySpan<float> query, Span<float> scores) => _directions.Score(query, scores);

    /// <summary>As above, for a query already broadcast (<see cref="VectorTiles.Broadcast"/>).</summary>
    public void Score(System.Numerics.Vector<float>[] query, Span<float> scores) => _directions.Score(query, 0, scores);

    /// <summary>The direction nearest in angle.</summary>
    /// <param name="scores">Scratch of <see cref="Count"/> values.</param>
    public int Nearest(ReadOnlySpan<float> vector, Span<float> scores)
    {
        Score(vector, scores);
        return TensorPrimitives.IndexOfMax(scores);
    }
}
