using Crawler.Dedup.Clustering;

namespace Crawler.Dedup.Tests.Clustering;

public sealed class NearDuplicateIndexTests
{
    [Fact]
    public void Candidates_AreThoseAtOrAboveTheThreshold_MostSimilarFirst_TiesToTheEarliest()
    {
        var index = new NearDuplicateIndex<string>();
        index.Add("x", [1f, 0f]);
        index.Add("diagonal", [0.6f, 0.8f]);
        index.Add("x-again", [1f, 0f]);
        index.Add("y", [0f, 1f]);

        var found = index.Candidates([1f, 0f], 0.6f, limit: 5);

        // Dot products with (1, 0): x 1, diagonal 0.6, x-again 1, y 0.
        Assert.Equal([("x", 1f), ("x-again", 1f), ("diagonal", 0.6f)], found);
        Assert.Equal(("x", 1f), index.Nearest([1f, 0f], 0.99f));
        Assert.Null(index.Nearest([-1f, 0f], 0.1f));
    }

    /// <summary>
    /// In 34 dimensions (the built-in model's) few entries sit near the edge of the angular bound; on a circle
    /// many do, so an over-tight bound loses matches there.
    /// </summary>
    [Theory]
    [InlineData(34)]
    [InlineData(2)]
    public void Candidates_AreThoseOfAFullScan_OncePartitioned_AndAfterItGrowsAndIsRebuilt(int dimensions)
    {
        var partitioned = new NearDuplicateIndex<int>(partitionFrom: 2_000);
        var scanned = new NearDuplicateIndex<int>(partitionFrom: int.MaxValue);
        var vectors = ClusteredVectors(5_000, seed: 7, dimensions);
        // A flat picture embeds to all zeros: such entries have no direction and are scored on every query.
        for (var i = 250; i < vectors.Count; i += 500)
        {
            vectors[i] = new float[dimensions];
        }
        // A model's normalisation leaves some vectors a little longer than unit length (here |x|² = 1 + 9e-5).
        for (var i = 0; i < vectors.Count; i += 3)
        {
            vectors[i] = [.. vectors[i].Select(v => v * 1.000045f)];
        }
        var queries = ClusteredVectors(200, seed: 8, dimensions).Concat(vectors.Take(100)).ToList();

        void Add(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                partitioned.Add(i, vectors[i]);
                scanned.Add(i, vectors[i]);
            }
        }

        void AssertSameAnswers()
        {
            foreach (var query in queries)
            {
                foreach (var threshold in new[] { 0.5f, 0.88f, 0.97f })
                {
                    Assert.Equal(scanned.Candidates(query, threshold, 50), partitioned.Candidates(query, threshold, 50));
                }
            }
            // A query longer than unit length: the reach of the bound scales with it.
            var long3 = queries[0].Select(v => v * 3).ToArray();
            Assert.Equal(scanned.Candidates(long3, 2.5f, 50), partitioned.Candidates(long3, 2.5f, 50));
            // Thresholds of zero or below reach every direction; a zero query matches everything at 0.
            Assert.Equal(scanned.Candidates(queries[1], -0.2f, 5_000), partitioned.Candidates(queries[1], -0.2f, 5_000));
            Assert.Equal(scanned.Count, partitioned.Candidates(new float[dimensions], 0f, 5_000).Count);
        }

        Add(0, 2_000);
        AssertSameAnswers();
        var firstCells = partitioned.Cells;
        Assert.True(firstCells > 0, "2,000 entries are partitioned");

        // Added after the build: they join cells' tails until the collection doubles.
        Add(2_000, 3_500);
        AssertSameAnswers();
        Assert.Equal(firstCells, partitioned.Cells);

        Add(3_500, 5_000);
        AssertSameAnswers();
        Assert.True(partitioned.Cells > firstCells, $"rebuilt with more cells than {firstCells}");
    }

    [Fact]
    public void Partition_FindsAnEntryALittleLongerThanUnit_AtTheEdgeOfTheQuerysReach()
    {
        // 3,000 entries along one direction make it a cell's direction; one entry 0.01 rad off it is a little long,
        // and the query, further round, reaches it with 5e-5 to spare.
        var index = new NearDuplicateIndex<int>(partitionFrom: 100);
        for (var i = 0; i < 3_000; i++)
        {
            index.Add(i, [1f, 0f]);
        }
        const float Length = 1.000045f;
        index.Add(-1, [Length * MathF.Cos(0.01f), Length * MathF.Sin(0.01f)]);
        const float Threshold = 0.88f;
        var apart = MathF.Acos((Threshold + 5e-5f) / Length);
        float[] query = [MathF.Cos(0.01f + apart), MathF.Sin(0.01f + apart)];

        Assert.Contains(-1, index.Candidates(query, Threshold, 5).Select(c => c.Key));
    }

    [Fact]
    public void Partition_ScoresOnlyAFractionOfTheEntries_ForANearDuplicateQuery()
    {
        var index = new NearDuplicateIndex<int>(partitionFrom: 1_000);
        var vectors = ClusteredVectors(20_000, seed: 11);
        for (var i = 0; i < vectors.Count; i++)
        {
            index.Add(i, vectors[i]);
        }

        var found = index.Candidates(vectors[1234], 0.88f, 5);

        Assert.Equal((1234, 1f), (found[0].Key, MathF.Round(found[0].Similarity, 4)));
        Assert.True(index.LastScored < vectors.Count / 4, $"scored {index.LastScored} of {vectors.Count}");
    }

    [Fact]
    public void Add_RefusesANaNOrInfiniteVector_AndAQueryOfAnotherDimension()
    {
        var index = new NearDuplicateIndex<int>();
        index.Add(1, [1f, 0f]);

        Assert.StartsWith("vector has a NaN or infinite component", Assert.Throws<ArgumentException>(() => index.Add(2, [float.NaN, 0f])).Message, StringComparison.Ordinal);
        Assert.StartsWith("vector has a NaN or infinite component", Assert.Throws<ArgumentException>(() => index.Add(3, [float.PositiveInfinity, 0f])).Message, StringComparison.Ordinal);
        Assert.StartsWith("vector has 3 dimensions; the index holds 2", Assert.Throws<ArgumentException>(() => index.Candidates([1f, 0f, 0f], 0.5f, 5)).Message, StringComparison.Ordinal);
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void Add_RefusesAVectorOfAnotherDimension()
    {
        var index = new NearDuplicateIndex<int>();
        index.Add(1, [1f, 0f]);

        var error = Assert.Throws<ArgumentException>(() => index.Add(2, [1f, 0f, 0f]));

        Assert.StartsWith("vector has 3 dimensions; the index holds 2", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Unit vectors around 200 random directions, at distances from a near-duplicate to an unrelated picture, so
    /// every threshold has matches to find and many to skip.
    /// </summary>
    private static List<float[]> ClusteredVectors(int count, int seed, int dimensions = 34)
    {
        var random = new Random(seed);
        var centres = Enumerable.Range(0, 200).Select(_ => Unit(Gaussian(random, dimensions, 1.0))).ToArray();
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var centre = centres[random.Next(centres.Length)];
            var spread = random.NextDouble() * 0.8;
            return Unit(centre.Zip(Gaussian(random, dimensions, spread / Math.Sqrt(dimensions)), (c, n) => c + n).ToArray());
        })];
    }

    private static float[] Gaussian(Random random, int length, double sigma) =>
        [.. Enumerable.Range(0, length).Select(_ => (float)(sigma * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())))];

    private static float[] Unit(float[] vector)
    {
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return [.. vector.Select(v => v / norm)];
    }
}
