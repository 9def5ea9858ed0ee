namespace Crawler.Dedup.Clustering;

/// <summary>
/// Spherical k-means (Lloyd's, on directions) over a sample of the vectors, seeded so that one collection always
/// gives one partition. The partition only decides which entries a query can skip; exactness never depends on
/// how good it is.
/// </summary>
internal static class KMeans
{
    private const int Iterations = 8;

    /// <summary>Training looks at no more than this many vectors per cell.</summary>
    private const int SamplePerCell = 40;

    public static Centroids Train(VectorRows vectors, int cells, int seed)
    {
        var random = new Random(seed);
        var dims = vectors.Dimensions;
        var sample = vectors.Count <= cells * SamplePerCell
            ? [.. Enumerable.Range(0, vectors.Count)]
            : random.GetItems(Enumerable.Range(0, vectors.Count).ToArray(), cells * SamplePerCell);
        var rows = new float[cells * dims];
        // Distinct starting points where there are enough: a repeated one would leave a cell empty.
        var starts = sample.Length >= cells ? Shuffled(sample, random)[..cells] : random.GetItems(sample, cells);
        for (var c = 0; c < cells; c++)
        {
            vectors.Row(starts[c]).CopyTo(rows.AsSpan(c * dims, dims));
        }
        var centroids = new Centroids(rows, dims);
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            var cellOf = Assign(vectors, sample, centroids);
            centroids = new Centroids(Means(vectors, sample, cellOf, cells, random), dims);
        }
        return centroids;
    }

    /// <summary>The nearest cell of each listed vector, on all cores.</summary>
    public static int[] Assign(VectorRows vectors, IReadOnlyList<int> which, Centroids centroids)
    {
        var cellOf = new int[which.Count];
        Parallel.For(0, Environment.ProcessorCount, () => new float[centroids.Count], (part, _, scores) =>
        {
            var (from, to) = ((int)((long)which.Count * part / Environment.ProcessorCount), (int)((long)which.Count * (part + 1) / Environment.ProcessorCount));
            for (var i = from; i < to; i++)
            {
                cellOf[i] = centroids.Nearest(vectors.Row(which[i]), scores);
            }
            return scores;
        }, _ => { });
        return cellOf;
    }

    private static float[] Means(VectorRows vectors, int[] sample, int[] cellOf, int cells, Random random)
    {
        var dims = vectors.Dimensions;
        var sums = new double[cells * dims];
        var counts = new int[cells];
        for (var i = 0; i < sample.Length; i++)
        {
            var row = vectors.Row(sample[i]);
            var sum = sums.AsSpan(cellOf[i] * dims, dims);
            for (var d = 0; d < dims; d++)
            {
                sum[d] += row[d];
            }
            counts[cellOf[i]]++;
        }
        var means = new float[cells * dims];
        for (var c = 0; c < cells; c++)
        {
            var mean = means.AsSpan(c * dims, dims);
            if (counts[c] == 0)
            {
                // An empty cell restarts at a random vector rather than wasting a slot; Centroids scales means to unit length.
                vectors.Row(sample[random.Next(sample.Length)]).CopyTo(mean);
                continue;
            }
            for (var d = 0; d < dims; d++)
            {
                mean[d] = (float)(sums[(c * dims) + d] / counts[c]);
            }
        }
        return means;
    }

    private static int[] Shuffled(int[] items, Random random)
    {
        var copy = (int[])items.Clone();
        random.Shuffle(copy);
        return copy;
    }
}
