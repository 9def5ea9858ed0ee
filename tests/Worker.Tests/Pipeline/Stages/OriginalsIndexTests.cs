using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Pipeline.Stages;
using Dapper;

namespace Crawler.Worker.Tests.Pipeline.Stages;

public sealed class OriginalsIndexTests
{
    private static readonly float[] Vector = [1f, 0f];

    [Fact]
    public async Task AnOriginalPurgedFromItsCluster_TakesAPlaceAgain_WhenItIsPostedAnew()
    {
        using var catalog = await TestCatalog.CreateAsync();
        var clusters = new ClusterStore(catalog.Db);
        using var index = new OriginalsIndex(clusters);
        await index.AssignAsync("aaa", Vector, "m", 0.88, (_, _) => Task.FromResult<bool?>(true), CancellationToken.None);
        // What the deletion sweep does to a picture deleted at the source, while the service keeps running.
        await using (var db = await catalog.Db.OpenAsync(CancellationToken.None))
        {
            await db.ExecuteAsync("DELETE FROM original_clusters WHERE sha256 = 'aaa'");
        }

        var (cluster, _) = await index.AssignAsync("aaa", Vector, "m", 0.88, (_, _) => Task.FromResult<bool?>(true), CancellationToken.None);

        Assert.Equal("aaa", cluster);
        Assert.Equal("aaa", await clusters.ClusterOfAsync("aaa", "m", CancellationToken.None));
    }

    [Fact]
    public async Task PurgedCandidates_TakeNoneOfTheChecks_SoALiveRepostFurtherDownIsFound()
    {
        using var catalog = await TestCatalog.CreateAsync();
        using var index = new OriginalsIndex(new ClusterStore(catalog.Db));
        // Seven originals near the new picture, the six closest purged since; the seventh is the same picture.
        for (var i = 0; i < 7; i++)
        {
            float[] near = [MathF.Cos(0.01f * (i + 1)), MathF.Sin(0.01f * (i + 1))];
            await index.AssignAsync($"s{i}", near, "m", 0.88, (_, _) => Task.FromResult<bool?>(false), CancellationToken.None);
        }
        var asked = new List<string>();

        var (cluster, _) = await index.AssignAsync("new", Vector, "m", 0.88, (candidate, _) =>
        {
            asked.Add(candidate);
            return Task.FromResult<bool?>(candidate == "s6" ? true : null);
        }, CancellationToken.None);

        Assert.Equal("s6", cluster);
        Assert.Equal(["s0", "s1", "s2", "s3", "s4", "s5", "s6"], asked);
    }
}
