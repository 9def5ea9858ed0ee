namespace Crawler.Dedup.Clustering;

/// <summary>Vectors one after another in one array, each with the insertion ordinal of its entry: what a partition is built from.</summary>
internal sealed class VectorRows(int dimensions, int capacity)
{
    private readonly float[] _data = new float[checked(dimensions * capacity)];
    private readonly int[] _ordinals = new int[capacity];

    public int Dimensions => dimensions;

    public int Count { get; private set; }

    public ReadOnlySpan<float> Row(int i) => _data.AsSpan(i * dimensions, dimensions);

    public int Ordinal(int i) => _ordinals[i];

    /// <summary>Space for the next row, filled by the caller.</summary>
    public Span<float> Append(int ordinal)
    {
        _ordinals[Count] = ordinal;
        return _data.AsSpan(Count++ * dimensions, dimensions);
    }
}
