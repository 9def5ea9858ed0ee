namespace Crawler.Worker.Tests.Architecture;

/// <summary>
/// The Worker's folders form layers: no folder uses a folder that uses it. A new back-reference fails here
/// with an example of each direction.
/// </summary>
public sealed class FolderDependencyTests
{
    [Fact]
    public void NoFolderOfTheWorker_UsesAFolderThatUsesIt()
    {
        var graph = FolderGraph.Read(typeof(Crawler.Worker.Hosting.ServiceCollectionExtensions).Assembly.Location, "Crawler.Worker");

        var mutual = graph.MutualUses().ToList();

        Assert.True(mutual.Count == 0, "folders that use each other:\n" + string.Join("\n", mutual));
    }
}
