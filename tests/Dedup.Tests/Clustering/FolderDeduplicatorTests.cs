using Crawler.Dedup.Clustering;
using Crawler.Dedup.Comparison;
using Crawler.Dedup.Embedding;
using Crawler.Dedup.Imaging;
using Crawler.TestSupport;

namespace Crawler.Dedup.Tests.Clustering;

public sealed class FolderDeduplicatorTests
{
    /// <summary>The service's defaults: 25 MiB (Fetch:MaxImageBytes), 100 M pixels, 30 s.</summary>
    private static readonly ImageInspector Admission = new(new ImageLimits(25 << 20, 100_000_000, TimeSpan.FromSeconds(30)));

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
        var result = new FolderDeduplicator(embedder, DuplicateRule.Measured, Admission).Cluster(dir.Path);

        var cluster = Assert.Single(result.Clusters);
        Assert.Equal(["a.png", Path.Combine("sub", "a-small.jpg")], cluster);
        Assert.Equal("not an image: unrecognised first bytes (12 bytes)", result.Skipped["notes.txt"]);
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
        var result = new FolderDeduplicator(embedder, DuplicateRule.Measured, Admission).Cluster(dir.Path);

        var cluster = Assert.Single(result.Clusters);
        Assert.Equal(["a-repost.jpg", "a.jpg"], cluster);
    }

    [Fact]
    public void Cluster_RefusesWhatTheFetchStageRefuses_WithItsReason_AndGroupsTheRest()
    {
        using var dir = new TempDir();
        using var photo = TestImages.Scene(12);
        var jpeg = TestImages.Jpeg(photo);
        File.WriteAllBytes(dir.Combine("a.jpg"), jpeg);
        File.WriteAllBytes(dir.Combine("a-truncated.jpg"), jpeg[..(jpeg.Length * 2 / 3)]);
        File.WriteAllBytes(dir.Combine("bomb.png"), HugePng.Create(30_000, 30_000));
        // Rows past the first hold no data at all: still refused on the header, never decoded.
        File.WriteAllBytes(dir.Combine("no-data.png"), HugePng.Create(100_000, 100_000));
        using (var huge = File.Create(dir.Combine("huge.jpg")))
        {
            huge.SetLength((25 << 20) + 1);
        }

        var result = Deduplicate(dir.Path);

        Assert.Empty(result.Clusters);
        Assert.Equal(["a-truncated.jpg", "bomb.png", "huge.jpg", "no-data.png"], result.Skipped.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("corrupt Jpeg image", result.Skipped["a-truncated.jpg"], StringComparison.Ordinal);
        Assert.Equal("too many pixels: 30000x30000 exceeds the cap of 100,000,000", result.Skipped["bomb.png"]);
        Assert.Equal("too many pixels: 100000x100000 exceeds the cap of 100,000,000", result.Skipped["no-data.png"]);
        Assert.Equal("too large: 26,214,401 bytes exceeds the cap of 26,214,400", result.Skipped["huge.jpg"]);
    }

    [Fact]
    public void Cluster_AlwaysGroupsByteIdenticalFiles_EvenFlatOnesWhoseEmbeddingMatchesNothing()
    {
        using var dir = new TempDir();
        using var grey = NetVips.Image.Black(400, 300, bands: 3) + 128;
        var flat = TestImages.Png(grey);
        File.WriteAllBytes(dir.Combine("flat.png"), flat);
        File.WriteAllBytes(dir.Combine("flat-copy.png"), flat);

        var result = Deduplicate(dir.Path);

        Assert.Equal(["flat-copy.png", "flat.png"], Assert.Single(result.Clusters));
        Assert.Empty(result.Skipped);
    }

    private static FolderClusters Deduplicate(string folder)
    {
        using var embedder = new OnnxEmbedder(EmbeddingSessionFactory.Create(PerceptualModel.Create(), ProviderRequest.CpuOnly()), new EmbedderSettings());
        return new FolderDeduplicator(embedder, DuplicateRule.Measured, Admission).Cluster(folder);
    }
}
