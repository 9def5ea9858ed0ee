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
        await index.AssignAsync("aaa", Vector, "m", 0.88, (_, _) => Task.FromResult(true), CancellationToken.None);
        // What the deletion sweep does to a picture deleted at the source, while the service keeps running.
        await using (var db = await catalog.Db.OpenAsync(CancellationToken.None))
        {
            await db.ExecuteAsync("DELETE FROM original_clusters WHERE sha256 = 'aaa'");
        }

        var (cluster, _) = await index.AssignAsync("aaa", Vector, "m", 0.88, (_, _) => Task.FromResult(true), CancellationToken.None);

        Assert.Equal("aaa", cluster);
        Assert.Equal("aaa", await clusters.ClusterOfAsync("aaa", "m", CancellationToken.None));
    }
}
