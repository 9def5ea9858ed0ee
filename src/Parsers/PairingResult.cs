using Crawler.Core.Domain;

namespace Crawler.Parsers;

/// <summary>The candidates of one thread, or why the thread yields none.</summary>
public sealed record PairingResult(IReadOnlyList<PairCandidate> Candidates, string? ThreadReason);
