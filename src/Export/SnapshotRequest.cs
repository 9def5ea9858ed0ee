namespace Crawler.Export;

/// <summary>What the caller knows about a snapshot beyond its rows.</summary>
/// <param name="LicenceNotes">Per site, the licence note for the dataset card.</param>
public sealed record SnapshotRequest(string ConfigHash, string CodeVersion, IReadOnlyDictionary<string, string> LicenceNotes);
