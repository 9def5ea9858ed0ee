namespace Crawler.Core.Domain;

/// <summary>What a parser sees in one fetched document: threads, an optional pagination token, and loose replies.</summary>
/// <param name="Next">Listing pagination: a token (Reddit's <c>after</c>) or an absolute URL; null on the last page.</param>
/// <param name="Replies">Replies that arrived without their thread (a morechildren response, a comments dump); each carries <see cref="ParsedReply.LinkId"/>.</param>
public sealed record ParsedPage(
    IReadOnlyList<ParsedThread> Threads,
    string? Next,
    IReadOnlyList<ParsedReply> Replies)
{
    public static ParsedPage Empty { get; } = new([], null, []);

    /// <summary>Ids behind "more" stubs among <see cref="Replies"/> (a morechildren answer holding deeper stubs).</summary>
    public IReadOnlyList<string> More { get; init; } = [];
}
