using System.Numerics.Tensors;

namespace Crawler.Dedup.Clustering;

/// <summary>The cells of a coarse partition as unit directions: which a vector is nearest to in angle, and how a query scores against each.</summary>
internal sealed class Centroids
{
    private readonly float[] _rows;
    private readonly VectorTiles _columns;

    /// <param name="rows">Directions one after another, <paramref name="dimensions"/> values each; scaled to unit length here.</param>
    public Centroids(float[] rows, int dimensions)
    {
        _rows = rows;
        Count = rows.Length / dimensions;
        _columns = new VectorTiles(dimensions, Count);
        for (var c = 0; c < Count; c++)
        {
            var direction = _rows.AsSpan(c * dimensions, dimensions);
            var norm = TensorPrimitives.Norm(direction);
            if (norm > 1e-12f)
            {
                TensorPrimitives.Divide(direction, norm, direction);
            }
            _columns.Add(direction);
        }
    }

    public int Count { get; }

    public ReadOnlySpan<float> Of(int cell) => _rows.AsSpan(cell * _columns.Dimensions, _columns.Dimensions);

    /// <summary>The dot product of <paramref name="query"/> with every direction.</summary>
    public void Score(ReadOnlySpan<float> query, Span<float> scores) => _columns.Score(query, scores);

    /// <summary>The direction nearest in angle.</summary>
    /// <param name="scores">Scratch of <see cref="Count"/> values.</param>
    public int Nearest(ReadOnlySpan<float> vector, Span<float> scores)
    {
        Score(vector, scores);
        return TensorPrimitives.IndexOfMax(scores);
    }
}
