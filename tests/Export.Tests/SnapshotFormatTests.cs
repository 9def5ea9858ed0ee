using System.Text.Json;
using Crawler.TestSupport;
using Microsoft.Extensions.Time.Testing;
using YamlDotNet.RepresentationModel;

namespace Crawler.Export.Tests;

/// <summary>What a reader of a snapshot relies on: schema, codecs, row groups, features metadata, the card.</summary>
public sealed class SnapshotFormatTests
{
    private static readonly SnapshotSettings Settings = new(RowGroupRows: 100, ShardBytes: 500L << 20, TestShare: 0.3, Keep: 3);
    private static readonly SnapshotRequest Request = new("cfg-hash", "1.2.3", new Dictionary<string, string> { ["reddit"] = "Reddit's Data API terms apply." });

    private static readonly (string Name, string Type)[] Columns =
    [
        ("id", "VARCHAR"), ("source_image", "STRUCT(bytes BLOB, path VARCHAR)"), ("target_image", "STRUCT(bytes BLOB, path VARCHAR)"),
        ("instruction", "VARCHAR"), ("raw_request", "VARCHAR"), ("pair_kind", "VARCHAR"), ("edit_type", "VARCHAR"), ("rewrite_model", "VARCHAR"),
        ("site", "VARCHAR"), ("community", "VARCHAR"), ("thread_url", "VARCHAR"), ("reply_url", "VARCHAR"),
        ("created_utc", "BIGINT"), ("edit_score", "INTEGER"), ("accepted_by_requester", "BOOLEAN"), ("nsfw", "BOOLEAN"),
        ("requester_hash", "VARCHAR"), ("editor_hash", "VARCHAR"), ("source_sha256", "VARCHAR"), ("target_sha256", "VARCHAR"),
        ("source_download_sha256", "VARCHAR"), ("target_download_sha256", "VARCHAR"), ("source_width", "INTEGER"),
        ("source_height", "INTEGER"), ("target_width", "INTEGER"), ("target_height", "INTEGER"), ("source_bytes", "BIGINT"),
        ("target_bytes", "BIGINT"), ("similarity", "FLOAT"), ("dedup_cluster", "VARCHAR"), ("split", "VARCHAR"),
    ];

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Publish_WritesEveryDesignColumn_AsDuckDbTypesImageStructsIncluded()
    {
        using var dir = new TempDir();
        var published = await PublishAsync(dir.Path, 30);

        var described = Duck.Query($"DESCRIBE SELECT * FROM read_parquet({Files(published)})");

        Assert.Equal(Columns, described.Select(c => ((string)c["column_name"]!, ((string)c["column_type"]!).Replace("\"", "", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task Publish_StoresImagesUncompressedAndEverythingElseSnappy_InHundredRowGroups()
    {
        using var dir = new TempDir();
        var published = await PublishAsync(dir.Path, 250, testShare: 0);

        var chunks = Duck.Query($"SELECT row_group_id, row_group_num_rows, path_in_schema, compression FROM parquet_metadata({Files(published)})");

        Assert.Equal([100L, 100L, 50L], chunks.DistinctBy(c => c["row_group_id"]).Select(c => Convert.ToInt64(c["row_group_num_rows"])));
        Assert.All(chunks, c => Assert.Equal(
            ((string)c["path_in_schema"]!).EndsWith("bytes", StringComparison.Ordinal) && ((string)c["path_in_schema"]!).Contains("_image", StringComparison.Ordinal) ? "UNCOMPRESSED" : "SNAPPY",
            c["compression"]));
    }

    [Fact]
    public async Task Publish_PutsHuggingFaceFeatures_InEveryFilesKeyValueMetadata()
    {
        using var dir = new TempDir();
        var published = await PublishAsync(dir.Path, 60);

        var metadata = Duck.Query($"SELECT file_name, decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata({Files(published)})");

        Assert.Equal(published.Manifest.Files.Count, metadata.Count(m => (string)m["key"]! == "huggingface"));
        using var features = JsonDocument.Parse((string)metadata.First(m => (string)m["key"]! == "huggingface")["value"]!);
        var columns = features.RootElement.GetProperty("info").GetProperty("features");
        Assert.Equal(Columns.Select(c => c.Name), columns.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Image", columns.GetProperty("source_image").GetProperty("_type").GetString());
        Assert.Equal("Image", columns.GetProperty("target_image").GetProperty("_type").GetString());
        Assert.Equal("int64", columns.GetProperty("created_utc").GetProperty("dtype").GetString());
        Assert.Equal("float32", columns.GetProperty("similarity").GetProperty("dtype").GetString());
    }

    [Fact]
    public async Task Publish_WritesACardWhoseYamlConfigsNameEachSplitsFiles()
    {
        using var dir = new TempDir();
        var published = await PublishAsync(dir.Path, 200);
        var card = await File.ReadAllTextAsync(Path.Combine(published.Path, "README.md"));

        Assert.StartsWith("---\n", card, StringComparison.Ordinal);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(card.Split("---\n")[1]));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var config = (YamlMappingNode)((YamlSequenceNode)root["configs"]).Single();
        Assert.Equal("default", config["config_name"].ToString());
        var dataFiles = ((YamlSequenceNode)config["data_files"]).Cast<YamlMappingNode>().ToDictionary(f => f["split"].ToString(), f => f["path"].ToString());
        Assert.Equal(["test", "train"], dataFiles.Keys.Order());
        foreach (var (split, pattern) in dataFiles)
        {
            var rows = Convert.ToInt64(Duck.Scalar($"SELECT count(*) FROM read_parquet({Duck.Literal(Path.Combine(published.Path, pattern))}) WHERE split = '{split}'"));
            Assert.Equal(published.Manifest.RowsPerSplit[split], rows);
            Assert.Equal(rows, Convert.ToInt64(Duck.Scalar($"SELECT count(*) FROM read_parquet({Duck.Literal(Path.Combine(published.Path, pattern))})")));
        }
        Assert.Contains("Reddit's Data API terms apply.", card, StringComparison.Ordinal);
        Assert.Contains("- rows: 200", card, StringComparison.Ordinal);
        Assert.Contains("## How it was made", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_WritesEveryManifestField()
    {
        using var dir = new TempDir();
        var rows = new[] { ExportRows.Make("r:1", "c1", site: "reddit", editType: "remove_object"), ExportRows.Make("r:2", "c2", site: "reddit", editType: "color"), ExportRows.Make("f:1", "c3", site: "forum", editType: "color") };
        var published = await new SnapshotPublisher(Settings with { TestShare = 0 }, _time).PublishAsync(dir.Path, ExportRows.Stream(rows), Request, CancellationToken.None);

        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(published.Path, "manifest.json")));
        var m = manifest.RootElement;
        Assert.Equal("20261123T080000Z", m.GetProperty("snapshot_id").GetString());
        Assert.Equal(_time.GetUtcNow(), m.GetProperty("created_utc").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, m.GetProperty("previous_snapshot").ValueKind);
        Assert.Equal(3, m.GetProperty("rows").GetInt32());
        Assert.Equal(2, m.GetProperty("rows_per_site").GetProperty("reddit").GetInt32());
        Assert.Equal(1, m.GetProperty("rows_per_site").GetProperty("forum").GetInt32());
        Assert.Equal(2, m.GetProperty("rows_per_edit_type").GetProperty("color").GetInt32());
        Assert.Equal(3, m.GetProperty("rows_per_split").GetProperty("train").GetInt32());
        Assert.Equal("cfg-hash", m.GetProperty("config_hash").GetString());
        Assert.Equal("1.2.3", m.GetProperty("code_version").GetString());
        Assert.Empty(m.GetProperty("removed_ids").EnumerateArray());
        Assert.Equal(0, m.GetProperty("images_reencoded").GetInt32());
    }

    [Fact]
    public async Task Publish_KeepsNearDuplicatesTogether_AndEachRowInItsSplitAcrossSnapshots()
    {
        using var dir = new TempDir();
        var publisher = new SnapshotPublisher(Settings, _time);
        // Five rows per cluster: near-duplicates of one original share the cluster.
        var rows = Enumerable.Range(0, 200).Select(i => ExportRows.Make($"id{i:D3}", $"cluster-{i / 5}")).ToList();
        var first = await publisher.PublishAsync(dir.Path, ExportRows.Stream(rows), Request, CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(6));
        var second = await publisher.PublishAsync(dir.Path, ExportRows.Stream(rows.Skip(7)), Request, CancellationToken.None);

        var straddling = Duck.Query($"SELECT dedup_cluster FROM read_parquet({Files(second)}) GROUP BY dedup_cluster HAVING count(DISTINCT split) > 1");
        Assert.Empty(straddling);
        var changed = Duck.Query($"""
            SELECT a.id FROM read_parquet({Files(first)}) a JOIN read_parquet({Files(second)}) b ON a.id = b.id WHERE a.split <> b.split
            """);
        Assert.Empty(changed);
        Assert.True(first.Manifest.RowsPerSplit.GetValueOrDefault("test") > 0, "a 30% share of 40 clusters should hold some out");
    }

    private Task<PublishedSnapshot> PublishAsync(string root, int rows, double? testShare = null) =>
        new SnapshotPublisher(Settings with { TestShare = testShare ?? Settings.TestShare }, _time).PublishAsync(
            root, ExportRows.Stream(Enumerable.Range(0, rows).Select(i => ExportRows.Make($"id{i:D3}", $"c{i}"))), Request, CancellationToken.None);

    private static string Files(PublishedSnapshot snapshot) => Duck.Literal(Path.Combine(snapshot.Path, "data", "*.parquet"));
}
