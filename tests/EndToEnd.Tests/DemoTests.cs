using System.Text.Json;
using Crawler.TestSupport;

namespace Crawler.EndToEnd.Tests;

public sealed class DemoTests
{
    [Fact]
    public async Task Demo_WritesSnapshotThatDuckDbReads_WithImageStructsAndHuggingFaceMetadata()
    {
        using var dir = new TempDir();
        var snapshot = await DemoSnapshot.RunAsync(dir.Path, threads: 8);

        Assert.StartsWith(Path.Combine(dir.Path, "snapshots"), snapshot, StringComparison.Ordinal);
        var files = Path.Combine(snapshot, "data", "*.parquet");
        var rows = Duck.Query($"""
            SELECT id, instruction, source_image.bytes AS src, source_image.path AS src_path, target_image.bytes AS tgt,
                   source_sha256, target_sha256, split
            FROM read_parquet({Duck.Literal(files)})
            """);
        // Eight threads hold one of each case; eight pairs survive (see SampleSiteBuilder).
        Assert.Equal(8, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => (string)r["id"]!).Distinct().Count());
        Assert.All(rows, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)r["instruction"]));
            Assert.True(IsJpegOrPng((byte[])r["src"]!), "source bytes are not a JPEG/PNG");
            Assert.True(IsJpegOrPng((byte[])r["tgt"]!), "target bytes are not a JPEG/PNG");
            Assert.Equal(Core.Text.Sha256Hex.Of((byte[])r["tgt"]!), r["target_sha256"]);
            Assert.EndsWith(".jpg", (string)r["src_path"]!, StringComparison.Ordinal);
        });

        var metadata = Duck.Query($"SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata({Duck.Literal(files)})");
        var features = JsonDocument.Parse((string)metadata.Single(m => (string)m["key"]! == "huggingface")["value"]!);
        var columns = features.RootElement.GetProperty("info").GetProperty("features");
        Assert.Equal("Image", columns.GetProperty("source_image").GetProperty("_type").GetString());
        Assert.Equal("Image", columns.GetProperty("target_image").GetProperty("_type").GetString());
        Assert.Equal("string", columns.GetProperty("instruction").GetProperty("dtype").GetString());
    }

    [Fact]
    public async Task Demo_RejectsEveryPlantedBadCase_WithItsReason()
    {
        using var dir = new TempDir();
        var snapshot = await DemoSnapshot.RunAsync(dir.Path, threads: 8);
        var ids = DemoSnapshot.Contents(snapshot).Select(r => (string)r["id"]!).ToHashSet();

        // dm002c3 re-uploads the original, dm003c3 is the requester's own, dm004c3 repeats dm004c2,
        // dm005c3 is truncated, dm006c3 is a meme, dm007 reposts dm000's photo.
        string[] rejected = ["reddit:dm002:dm002c3:0", "reddit:dm003:dm003c3:0", "reddit:dm004:dm004c3:0", "reddit:dm005:dm005c3:0", "reddit:dm006:dm006c3:0", "reddit:dm007:dm007c2:0"];
        Assert.Empty(rejected.Intersect(ids));
        var reasons = Catalog.Query(dir.Path, "SELECT pair_id, reason FROM pairs")
            .ToDictionary(r => (string)r["pair_id"]!, r => (string?)r["reason"] ?? "");
        Assert.StartsWith("no-op", reasons["reddit:dm002:dm002c3:0"], StringComparison.Ordinal);
        Assert.Equal("reply by the requester", reasons["reddit:dm003:dm003c3:0"]);
        Assert.StartsWith("duplicate of edit reddit:dm004:dm004c2:0", reasons["reddit:dm004:dm004c3:0"], StringComparison.Ordinal);
        Assert.Contains("corrupt", reasons["reddit:dm005:dm005c3:0"], StringComparison.Ordinal);
        Assert.StartsWith("unrelated", reasons["reddit:dm006:dm006c3:0"], StringComparison.Ordinal);
        Assert.StartsWith("repost", reasons["reddit:dm007:dm007c2:0"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_RejectsAsRepostsExactlyTheRepostedRequests_AmongEightyThreads()
    {
        using var dir = new TempDir();
        await DemoSnapshot.RunAsync(dir.Path, threads: 80);

        // Thread 8k+7 re-posts the photo of thread 8k, downsized and re-encoded (SampleSiteBuilder); the other 70
        // requests are different photos, many of them of one layout with other colours, or mirrored.
        var expected = Enumerable.Range(0, 80).Where(i => i % 8 == 7).ToDictionary(i => $"dm{i:D3}", i => $"repost: the original was first posted in thread reddit:dm{i - 7:D3}");
        var reposts = Catalog.Query(dir.Path, "SELECT pair_id, reason FROM pairs WHERE reason LIKE 'repost%'")
            .ToDictionary(r => (string)r["pair_id"]!, r => (string)r["reason"]!);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), reposts.Keys.Select(id => id.Split(':')[1]).Distinct().Order(StringComparer.Ordinal));
        Assert.All(reposts, r => Assert.Equal(expected[r.Key.Split(':')[1]], r.Value));
    }

    private static bool IsJpegOrPng(byte[] bytes) =>
        (bytes.Length > 3 && bytes[0] == 0xFF && bytes[1] == 0xD8) || (bytes.Length > 8 && bytes[0] == 0x89 && bytes[1] == (byte)'P');
}
