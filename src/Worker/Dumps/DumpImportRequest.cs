namespace Crawler.Worker.Dumps;

/// <summary>What to import: submission and comment dump files, the communities wanted, and the time range of the submissions.</summary>
/// <param name="Source">The configured Reddit source the threads belong to: its pairing rules apply, its API checks deletions.</param>
/// <param name="Since">Submissions created at or after this time; comments follow their thread, whenever written.</param>
/// <param name="Until">Submissions created before this time.</param>
public sealed record DumpImportRequest(
    IReadOnlyList<string> Submissions,
    IReadOnlyList<string> Comments,
    IReadOnlyCollection<string> Communities,
    DateTimeOffset? Since,
    DateTimeOffset? Until,
    string Source);
