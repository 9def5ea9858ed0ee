namespace Crawler.Dedup.Decisions;

/// <summary>One stored, embedded image as the judge sees it.</summary>
public sealed record JudgedImage(string Sha256, float[] Vector, byte[] Bytes);

/// <summary>
/// A better-ranked edit of the same thread. Its pixels are read only when its embedding is close enough
/// for them to matter.
/// </summary>
public sealed record RivalEdit(string PairId, string Sha256, float[]? Vector, Func<byte[]> Bytes);

/// <summary>
/// What the dedup stage knows about one candidate pair when it asks for a verdict.
/// </summary>
/// <param name="RepostOf">The thread that first posted the original's picture, when it is another thread; null when this one owns it.</param>
/// <param name="Cluster">The original's near-duplicate cluster, stored with the verdict.</param>
/// <param name="Rivals">The thread's better-ranked edits still in play, best first.</param>
public sealed record PairEvidence(JudgedImage Original, JudgedImage Edit, string? RepostOf, string? Cluster, IReadOnlyList<RivalEdit> Rivals);
