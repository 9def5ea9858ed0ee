using System.Text.Json.Serialization;

namespace Crawler.Export;

/// <summary><c>manifest.json</c>: what a snapshot holds and how to verify it.</summary>
public sealed record SnapshotManifest
{
    [JsonPropertyName("snapshot_id")] public required string SnapshotId { get; init; }
    [JsonPropertyName("created_utc")] public required DateTimeOffset Created { get; init; }
    [JsonPropertyName("previous_snapshot")] public string? PreviousSnapshot { get; init; }
    [JsonPropertyName("rows")] public required int Rows { get; init; }
    [JsonPropertyName("rows_per_split")] public required IReadOnlyDictionary<string, int> RowsPerSplit { get; init; }
    [JsonPropertyName("rows_per_site")] public required IReadOnlyDictionary<string, int> RowsPerSite { get; init; }
    [JsonPropertyName("rows_per_edit_type")] public required IReadOnlyDictionary<string, int> RowsPerEditType { get; init; }
    [JsonPropertyName("images_reencoded")] public required int ImagesReencoded { get; init; }
    [JsonPropertyName("files")] public required IReadOnlyList<SnapshotFile> Files { get; init; }
    [JsonPropertyName("config_hash")] public required string ConfigHash { get; init; }
    [JsonPropertyName("code_version")] public required string CodeVersion { get; init; }
    [JsonPropertyName("removed_ids")] public required IReadOnlyList<string> RemovedIds { get; init; }
}

/// <summary>A data file of a snapshot, relative to the snapshot folder.</summary>
public sealed record SnapshotFile(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("rows")] int Rows);
