namespace Crawler.Export.Tests;

public sealed class SplitAssignerTests
{
    [Fact]
    public void Assign_HoldsOutAboutTheConfiguredShare_AndIsStableForACluster()
    {
        var splits = Enumerable.Range(0, 20_000).Select(i => SplitAssigner.Assign($"cluster-{i}", 0.02)).ToList();

        var share = splits.Count(s => s == SplitAssigner.Test) / 20_000.0;
        Assert.InRange(share, 0.015, 0.025);
        Assert.Equal(splits[123], SplitAssigner.Assign("cluster-123", 0.02));
    }
}
