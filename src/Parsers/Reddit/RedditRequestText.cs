using Crawler.Core.Domain;

namespace Crawler.Parsers.Reddit;

/// <summary>
/// The request as the requester wrote it: title, body, then their clarifications, meaning their image-less
/// replies that answer neither an edit (feedback on that edit) nor a bot (commands such as <c>!solved</c>).
/// </summary>
internal static class RedditRequestText
{
    public static string Of(ParsedThread thread, RedditThreadRoles roles)
    {
        var byId = thread.Replies.DistinctBy(r => r.Id).ToDictionary(r => r.Id);
        var clarifications = thread.Replies
            .Where(r => roles.IsRequester(r) && r.Images.Count == 0 && !r.Deleted && !r.Body.TrimStart().StartsWith('!'))
            .Where(r => r.ParentId is null || !byId.TryGetValue(r.ParentId, out var parent) || (parent.Images.Count == 0 && !roles.IsBot(parent)))
            .OrderBy(r => r.CreatedUtc)
            .Select(r => r.Body.Trim());
        return string.Join("\n\n", new[] { thread.Title.Trim(), thread.Body.Trim() }.Concat(clarifications).Where(s => s.Length > 0));
    }
}
