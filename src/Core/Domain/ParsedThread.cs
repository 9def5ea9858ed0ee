namespace Crawler.Core.Domain;

/// <summary>A request: the original post of a thread and, when the page held them, all its replies flattened.</summary>
/// <param name="Id">The site's own id of the thread, without type prefixes (Reddit "3hahrw", not "t3_3hahrw").</param>
/// <param name="Author">Null when the account is deleted or unknown.</param>
/// <param name="CreatedUtc">Seconds since the Unix epoch.</param>
/// <param name="Images">Absolute image URLs in the order the requester gave them.</param>
/// <param name="More">Ids of replies the page referred to but did not include.</param>
/// <param name="Url">The canonical public URL of the thread, when the page says it.</param>
public sealed record ParsedThread(
    string Id,
    string Community,
    string Title,
    string Body,
    string? Author,
    long CreatedUtc,
    string? Flair,
    bool Nsfw,
    bool Deleted,
    IReadOnlyList<string> Images,
    IReadOnlyList<ParsedReply> Replies,
    IReadOnlyList<string> More,
    string? Url = null);
