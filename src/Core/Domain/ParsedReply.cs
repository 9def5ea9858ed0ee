namespace Crawler.Core.Domain;

/// <summary>One reply anywhere in a thread's tree.</summary>
/// <param name="ParentId">The reply or thread this one answers (site ids without type prefix); null when unknown.</param>
/// <param name="LinkId">The thread the reply belongs to; set when the reply arrived without its thread.</param>
public sealed record ParsedReply(
    string Id,
    string? ParentId,
    string? Author,
    long CreatedUtc,
    int Score,
    string Body,
    bool Deleted,
    IReadOnlyList<string> Images,
    string? LinkId = null);
