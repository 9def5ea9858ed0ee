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

    [Fact]
    public void Candidates_StayExact_WhenTheScanIsSplitAcrossCores()
    {
        var index = new NearDuplicateIndex<int>();
        for (var i = 0; i < NearDuplicateIndex<int>.ParallelFrom + 10; i++)
        {
            // Unit vectors round the circle; entry 123,456 points exactly along the query.
            var angle = i == 123_456 ? 0.0 : 1.0 + (i % 1000 / 1000.0);
            index.Add(i, [(float)Math.Cos(angle), (float)Math.Sin(angle)]);
        }

        Assert.Equal((123_456, 1f), index.Nearest([1f, 0f], 0.99f));
    }

    [Fact]
    public void Add_RefusesAVectorOfAnotherDimension()
    {
        var index = new NearDuplicateIndex<int>();
        index.Add(1, [1f, 0f]);

        var error = Assert.Throws<ArgumentException>(() => index.Add(2, [1f, 0f, 0f]));

        Assert.StartsWith("vector has 3 dimensions; the index holds 2", error.Message, StringComparison.Ordinal);
    }
}
