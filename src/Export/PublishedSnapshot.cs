namespace Crawler.Export;

/// <summary>A snapshot now visible under the snapshots folder.</summary>
public sealed record PublishedSnapshot(string Path, SnapshotManifest Manifest, IReadOnlyList<string> Ids);
