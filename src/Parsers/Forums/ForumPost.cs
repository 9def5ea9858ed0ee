namespace Crawler.Parsers.Forums;

/// <summary>One post as a site file's selectors read it.</summary>
/// <param name="Id">The post's number (digits only).</param>
/// <param name="QuotedPostId">The post the first quote in it comes from, when the forum marks that.</param>
/// <param name="Body">Its text without quotes and signature.</param>
internal sealed record ForumPost(string Id, string Author, long CreatedUtc, int Score, string Body, IReadOnlyList<string> Images, string? QuotedPostId);
