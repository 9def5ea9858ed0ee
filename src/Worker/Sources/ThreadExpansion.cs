namespace Crawler.Worker.Sources;

/// <summary>The morechildren answers of one thread fetch, and the reason it stopped short (null when complete).</summary>
public sealed record ThreadExpansion(IReadOnlyList<byte[]> Answers, string? StoppedReason);
