using System.Text.Json;
using Crawler.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Crawler.Export.Tests;

public sealed class SnapshotPublisherTests
{
    private static readonly SnapshotSettings Settings = new(RowGroupRows: 100, ShardBytes: 500L << 20, TestShare: 0.02, Keep: 3);
    private static readonly SnapshotRequest Request = new("config", "test", new Dictionary<string, string>());

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Publish_WritesRowsDuckDbReadsBack_WithImageStructsAndHashes()
    {
        using var dir = new TempDir();
        var rows = Enumerable.Range(0, 250).Select(i => ExportRows.Make($"reddit:t{i:D3}:r:0", $"c{i}")).ToList();

        var published = await new SnapshotPublisher(Settings, _time).PublishAsync(dir.Path, ExportRows.Stream(rows), Request, CancellationToken.None);

        Assert.Equal(Path.Combine(dir.Path, "20261123T080000Z"), published.Path);
        var back = Duck.Query($"""
            SELECT id, source_image.bytes AS src, source_image.path AS path, target_image.bytes AS tgt, source_sha256, target_sha256,
                   source_download_sha256, source_bytes, split
            FROM read_parquet({Duck.Literal(Path.Combine(published.Path, "data", "*.parquet"))}) ORDER BY id
            """);
        Assert.Equal(rows.Select(r => r.Id), back.Select(r => (string)r["id"]!));
        Assert.All(back.Zip(rows), pair =>
        {
            var (read, written) = pair;
            Assert.Equal(written.Source.Cleaned.Bytes, (byte[])read["src"]!);
            Assert.Equal(written.Target.Cleaned.Bytes, (byte[])read["tgt"]!);
            Assert.Equal(Core.Text.Sha256Hex.Of(written.Source.Cleaned.Bytes), read["source_sha256"]);
            Assert.Equal(Core.Text.Sha256Hex.Of(written.Target.Cleaned.Bytes), read["target_sha256"]);
            Assert.Equal(written.Source.DownloadSha256, read["source_download_sha256"]);
            Assert.Equal($"{read["source_sha256"]}.jpg", read["path"]);
            Assert.Equal(2048L, read["source_bytes"]);
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
        var files = manifest.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var path = Path.Combine(published.Path, file.GetProperty("path").GetString()!);
            Assert.Equal(new FileInfo(path).Length, file.GetProperty("bytes").GetInt64());
            Assert.Equal(Core.Text.Sha256Hex.Of(await File.ReadAllBytesAsync(path)), file.GetProperty("sha256").GetString());
            Assert.Equal(Convert.ToInt64(Duck.Scalar($"SELECT count(*) FROM read_parquet({Duck.Literal(path)})")), file.GetProperty("rows").GetInt32());
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
        var publisher = new SnapshotPublisher(Settings, _time);
        var first = await publisher.PublishAsync(dir.Path, ExportRows.Stream([ExportRows.Make("a", "c1"), ExportRows.Make("gone-1", "c2"), ExportRows.Make("gone-2", "c3")]), Request, CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(6));

        var second = await publisher.PublishAsync(dir.Path, ExportRows.Stream([ExportRows.Make("a", "c1"), ExportRows.Make("new", "c4")]), Request, CancellationToken.None);

        Assert.Equal(["gone-1", "gone-2"], second.Manifest.RemovedIds);
        Assert.Equal(first.Manifest.SnapshotId, second.Manifest.PreviousSnapshot);
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(second.Path, "manifest.json")));
        Assert.Equal(["gone-1", "gone-2"], manifest.RootElement.GetProperty("removed_ids").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(first.Manifest.SnapshotId, manifest.RootElement.GetProperty("previous_snapshot").GetString());
    }

    [Fact]
    public async Task Publish_TakesTheNewestCompleteSnapshotAsPrevious_WhenACrashLeftLatestBehind()
    {
        using var dir = new TempDir();
        var publisher = new SnapshotPublisher(Settings, _time);
        await publisher.PublishAsync(dir.Path, ExportRows.Stream([ExportRows.Make("a", "c1")]), Request, CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(6));
        var second = await publisher.PublishAsync(dir.Path, ExportRows.Stream([ExportRows.Make("a", "c1"), ExportRows.Make("b", "c2")]), Request, CancellationToken.None);
        // A crash between the rename and the link swap: the second snapshot is complete, latest still points at the first.
        File.Delete(dir.Combine("latest"));
        File.CreateSymbolicLink(dir.Combine("latest"), "20261123T080000Z");
        // ... and other runs died writing shards, halfway through retiring a snapshot, and while swapping the link.
        Directory.CreateDirectory(dir.Combine(".tmp-20261123T200000Z", "data"));
        await File.WriteAllBytesAsync(dir.Combine(".tmp-20261123T200000Z", "data", "train-00000.partial"), [0x50, 0x41]);
        Directory.CreateDirectory(dir.Combine(".tmp-retired-20261120T000000Z", "data"));
        File.CreateSymbolicLink(dir.Combine(".tmp-latest-0123"), "20261123T080000Z");
        _time.Advance(TimeSpan.FromHours(6));

        var third = await publisher.PublishAsync(dir.Path, ExportRows.Stream([ExportRows.Make("a", "c1")]), Request, CancellationToken.None);

        Assert.Equal(second.Manifest.SnapshotId, third.Manifest.PreviousSnapshot);
        Assert.Equal(["b"], third.Manifest.RemovedIds);
        Assert.Equal(third.Path, SnapshotPublisher.Latest(dir.Path));
        Assert.DoesNotContain(Directory.GetFileSystemEntries(dir.Path), e => Path.GetFileName(e).StartsWith('.'));
    }

    [Fact]
    public async Task Publish_KeepsTheNewestN_AndGivesSameSecondSnapshotsIdsThatSortAfter()
    {
        using var dir = new TempDir();
        var publisher = new SnapshotPublisher(Settings with { Keep = 2 }, _time);

        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await publisher.PublishAsync(dir.Path, ExportRows.Stream([ExportRows.Make("a", "c1")]), Request, CancellationToken.None)).Manifest.SnapshotId);
        }

        Assert.Equal(["20261123T080000Z", "20261123T080000Z-01", "20261123T080000Z-02"], ids);
        Assert.Equal(ids[1..], Directory.GetDirectories(dir.Path).Select(Path.GetFileName).Where(n => n != SnapshotPublisher.LatestLink).Order(StringComparer.Ordinal));
        Assert.Equal(dir.Combine(ids[2]), SnapshotPublisher.Latest(dir.Path));
    }

    [Fact]
    public async Task Publish_StartsANewShard_WhenTheCurrentOneHoldsShardBytes()
    {
        using var dir = new TempDir();
        // Each row carries 4 KB of images, so a row group of 100 holds 400 KB and a 500 KB shard fits one group.
        var publisher = new SnapshotPublisher(Settings with { ShardBytes = 500_000, TestShare = 0 }, _time);
        var rows = Enumerable.Range(0, 250).Select(i => ExportRows.Make($"id{i:D3}", $"c{i}")).ToList();

        var published = await publisher.PublishAsync(dir.Path, ExportRows.Stream(rows), Request, CancellationToken.None);

        Assert.Equal(["data/train-00000-of-00003.parquet", "data/train-00001-of-00003.parquet", "data/train-00002-of-00003.parquet"], published.Manifest.Files.Select(f => f.Path));
        Assert.Equal([100, 100, 50], published.Manifest.Files.Select(f => f.Rows));
        Assert.Equal(250L, Convert.ToInt64(Duck.Scalar($"SELECT count(DISTINCT id) FROM read_parquet({Duck.Literal(Path.Combine(published.Path, "data", "*.parquet"))})")));
    }

    [Fact]
    public async Task Publish_WritesOneEmptyTrainFile_WhenThereAreNoRows()
    {
        using var dir = new TempDir();

        var published = await new SnapshotPublisher(Settings, _time).PublishAsync(dir.Path, ExportRows.Stream([]), Request, CancellationToken.None);

        Assert.Equal(["data/train-00000-of-00001.parquet"], published.Manifest.Files.Select(f => f.Path));
        var files = Duck.Literal(Path.Combine(published.Path, "data", "*.parquet"));
        Assert.Equal(0L, Convert.ToInt64(Duck.Scalar($"SELECT count(*) FROM read_parquet({files})")));
        Assert.Equal(31, Duck.Query($"DESCRIBE SELECT * FROM read_parquet({files})").Count);
        Assert.Contains("  - split: train\n    path: \"data/train-*.parquet\"", await File.ReadAllTextAsync(Path.Combine(published.Path, "README.md")), StringComparison.Ordinal);
    }
}
