namespace Crawler.Dedup.Decisions;

/// <summary>Accepted, or rejected with the reason; with the scores behind it, stored either way.</summary>
/// <param name="Similarity">The edit's embedding similarity to its original, where it was measured.</param>
/// <param name="Difference">The largest block colour shift between them (0-255), where it was measured.</param>
public sealed record PairVerdict(bool Accepted, string? Reason, double? Similarity, double? Difference, string? Cluster)
{
    public static PairVerdict Accept(double similarity, double difference, string? cluster) => new(true, null, similarity, difference, cluster);

    public static PairVerdict Reject(string reason, double? similarity, double? difference, string? cluster) => new(false, reason, similarity, difference, cluster);
}
