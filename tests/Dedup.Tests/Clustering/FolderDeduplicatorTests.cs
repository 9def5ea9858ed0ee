using Crawler.Dedup.Clustering;
using Crawler.Dedup.Comparison;
using Crawler.Dedup.Embedding;
using Crawler.TestSupport;

namespace Crawler.Dedup.Tests.Clustering;

public sealed class FolderDeduplicatorTests
{
    [Fact]
    public void Cluster_GroupsCopiesOfOnePhoto_AndSkipsFilesThatAreNotImages()
    {
        using var dir = new TempDir();
        using var a = TestImages.Scene(10);
        using var aSmall = a.Resize(0.5);
        using var b = TestImages.Scene(11);
        File.WriteAllBytes(dir.Combine("a.png"), TestImages.Png(a));
        Directory.CreateDirectory(dir.Combine("sub"));
        File.WriteAllBytes(dir.Combine("sub", "a-small.jpg"), TestImages.Jpeg(aSmall, quality: 40));
        File.WriteAllBytes(dir.Combine("b.jpg"), TestImages.Jpeg(b));
        File.WriteAllText(dir.Combine("notes.txt"), "not an image");

        using var embedder = new OnnxEmbedder(EmbeddingSessionFactory.Create(PerceptualModel.Create(), ProviderRequest.CpuOnly()), new EmbedderSettings());
        var result = new FolderDeduplicator(embedder, (float)MeasuredThresholds.NearDuplicate, MeasuredThresholds.DuplicateStructure).Cluster(dir.Path);

        var cluster = Assert.Single(result.Clusters);
        Assert.Equal(["a.png", Path.Combine("sub", "a-small.jpg")], cluster);
        Assert.Equal("not an image", result.Skipped["notes.txt"]);
    }
}
