namespace Crawler.Worker.Fetching;

/// <summary>One GET. <paramref name="ETag"/> and <paramref name="LastModified"/> make it conditional.</summary>
/// <param name="Source">The configured source asking, whose politeness settings apply.</param>
public sealed record FetchRequest(Uri Url, FetchKind Kind, string Source, string? ETag = null, string? LastModified = null);
