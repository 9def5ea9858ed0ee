using System.Text.Json;
using Crawler.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Crawler.Export.Tests;

public sealed class SnapshotPublisherTests
{
    private static readonly SnapshotSettings Settings = new(RowGroupRows: 100, ShardBytes: 500L << 20, TestShare: 0.02, Keep: 3);
    private static readonly SnapshotRequest Request = new(null, new HashSet<string>(), "config", "test", new Dictionary<string, string>());

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Publish_WritesRowsDuckDbReadsBack_WithImageStructsAndHashes()
    {
        using var dir = new TempDir();
        var rows = Enumerable.Range(0, 250).Select(i => ExportRows.Make($"reddit:t{i:D3}:r:0", $"c{i}")).ToList();

        var published = await new SnapshotPublisher(Settings, _time).PublishAsync(dir.Path, ExportRows.Stream(rows), Request, CancellationToken.None);

        Assert.Equal(Path.Combine(dir.Path, "20261123T080000Z"), published.Path);
        var back = Duck.Query($"""
            SELECT id, source_image.bytes AS src, source_image.path AS path, source_sha256, split
            FROM read_parquet({Duck.Literal(Path.Combine(published.Path, "data", "*.parquet"))}) ORDER BY id
            """);
        Assert.Equal(rows.Select(r => r.Id), back.Select(r => (string)r["id"]!));
        Assert.All(back.Zip(rows), pair =>
        {
            Assert.Equal(pair.Second.Source.Bytes, (byte[])pair.First["src"]!);
            Assert.Equal(Core.Text.Sha256Hex.Of(pair.Second.Source.Bytes), pair.First["source_sha256"]);
        });
        Assert.Equal(published.Manifest.RowsPerSplit["train"], back.Count(r => (string)r["split"]! == "train"));
        Assert.Equal(dir.Combine("20261123T080000Z"), SnapshotPublisher.Latest(dir.Path));
    }

    [Fact]
    public async Task Publish_RecordsEachFilesSha256AndSize_InTheManifest()
    {
        using var dir = new TempDir();
        var published = await new SnapshotPublisher(Settings, _time).PublishAsync(dir.Path, ExportRows.Stream([ExportRows.Make("a", "c1"), ExportRows.Make("b", "c2")]), Request, CancellationToken.None);

        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(published.Path, "manifest.json")));
        foreach (var file in manifest.RootElement.GetProperty("files").EnumerateArray())
        {
            var path = Path.Combine(published.Path, file.GetProperty("path").GetString()!);
            Assert.Equal(new FileInfo(path).Length, file.GetProperty("bytes").GetInt64());
            Assert.Equal(Core.Text.Sha256Hex.Of(await File.ReadAllBytesAsync(path)), file.GetProperty("sha256").GetString());
        }
        Assert.Equal(2, manifest.RootElement.GetProperty("rows").GetInt32());
    }

    [Fact]
    public async Task Publish_LeavesNoVisibleSnapshot_WhenRowsFailMidway_AndTheNextRunSucceeds()
    {
        using var dir = new TempDir();
        var publisher = new SnapshotPublisher(Settings, _time);
        var rows = Enumerable.Range(0, 150).Select(i => ExportRows.Make($"id{i:D3}", $"c{i}")).ToList();

        await Assert.ThrowsAsync<IOException>(() => publisher.PublishAsync(dir.Path, ExportRows.Stream(rows, new IOException("disk vanished")), Request, CancellationToken.None));

        Assert.DoesNotContain(Directory.GetDirectories(dir.Path), d => !Path.GetFileName(d).StartsWith('.'));
        Assert.Null(SnapshotPublisher.Latest(dir.Path));

        _time.Advance(TimeSpan.FromMinutes(1));
        var published = await publisher.PublishAsync(dir.Path, ExportRows.Stream(rows), Request, CancellationToken.None);
        Assert.Equal(150, published.Manifest.Rows);
        Assert.Equal([Path.GetFileName(published.Path)], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName).Where(n => n != SnapshotPublisher.LatestLink));
    }

    [Fact]
    public async Task Publish_ListsIdsOfThePreviousSnapshotThatAreGone_AsRemoved()
    {
        using var dir = new TempDir();
        var request = Request with { PreviousSnapshot = "older", PreviousIds = new HashSet<string> { "a", "gone-1", "gone-2" } };

        var published = await new SnapshotPublisher(Settings, _time).PublishAsync(dir.Path, ExportRows.Stream([ExportRows.Make("a", "c1")]), request, CancellationToken.None);

        Assert.Equal(["gone-1", "gone-2"], published.Manifest.RemovedIds);
        Assert.Equal("older", published.Manifest.PreviousSnapshot);
    }
}
