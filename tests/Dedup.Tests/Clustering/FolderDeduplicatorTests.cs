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
        var result = new FolderDeduplicator(embedder, DuplicateRule.Measured).Cluster(dir.Path);

        var cluster = Assert.Single(result.Clusters);
        Assert.Equal(["a.png", Path.Combine("sub", "a-small.jpg")], cluster);
        Assert.Equal("not an image", result.Skipped["notes.txt"]);
    }

    [Fact]
    public void Cluster_KeepsApartPicturesOfOneLayoutInOtherColours_AndGroupsTheRepost()
    {
        using var dir = new TempDir();
        var original = new Landscape([110, 110, 115], [120, 80, 40], [200, 80, 160], [240, 140, 30]);
        using var picture = original.Render();
        using var repost = picture.Resize(0.9);
        using var recoloured = (original with { Ground = [40, 70, 40], Tower = [210, 40, 40], Ball = [120, 80, 40] }).Render(seed: 8);
        using var mirrored = (original with { Ground = [70, 140, 60], Tower = [210, 40, 40], Ball = [240, 140, 30], Box = [200, 80, 160], Mirrored = true }).Render(seed: 9);
        File.WriteAllBytes(dir.Combine("a.jpg"), TestImages.Jpeg(picture));
        File.WriteAllBytes(dir.Combine("a-repost.jpg"), TestImages.Jpeg(repost, quality: 85));
        File.WriteAllBytes(dir.Combine("b-recoloured.jpg"), TestImages.Jpeg(recoloured));
        File.WriteAllBytes(dir.Combine("c-mirrored-layout.jpg"), TestImages.Jpeg(mirrored));

        using var embedder = new OnnxEmbedder(EmbeddingSessionFactory.Create(PerceptualModel.Create(), ProviderRequest.CpuOnly()), new EmbedderSettings());
        var result = new FolderDeduplicator(embedder, DuplicateRule.Measured).Cluster(dir.Path);

        var cluster = Assert.Single(result.Clusters);
        Assert.Equal(["a-repost.jpg", "a.jpg"], cluster);
    }
}
