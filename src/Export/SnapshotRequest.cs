namespace Crawler.Export;

/// <summary>What the caller knows about a snapshot beyond its rows.</summary>
/// <param name="PreviousIds">Ids the previous snapshot held; those missing now are listed as removed in the manifest.</param>
/// <param name="LicenceNotes">Per site, the licence note for the dataset card.</param>
public sealed record SnapshotRequest(
    string? PreviousSnapshot,
    IReadOnlySet<string> PreviousIds,
    string ConfigHash,
    string CodeVersion,
    IReadOnlyDictionary<string, string> LicenceNotes);
