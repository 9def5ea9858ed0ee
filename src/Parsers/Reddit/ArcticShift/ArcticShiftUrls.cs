using System.Globalization;

namespace Crawler.Parsers.Reddit.ArcticShift;

/// <summary>The Arctic Shift API calls the crawler makes; every one asks for the oldest first (<c>sort=asc</c>).</summary>
public static class ArcticShiftUrls
{
    /// <summary>Items per search answer: the most the API gives for a number (<c>auto</c> varies with load).</summary>
    public const int PageSize = 100;

    /// <summary>Most ids one <c>/api/posts/ids</c> or <c>/api/comments/ids</c> call takes.</summary>
    public const int MaxIds = 500;

    // Listing needs only what orders and places a post; the full post is read once its thread is fetched.
    private const string ListingFields = "id,created_utc,subreddit";

    /// <summary>Posts of <paramref name="community"/> posted at or after <paramref name="after"/> (epoch seconds; 0: from the first).</summary>
    public static Uri Posts(Uri baseUrl, string community, long after) =>
        new(baseUrl, $"api/posts/search?subreddit={Uri.EscapeDataString(community)}{After(after)}&sort=asc&limit={PageSize}&fields={ListingFields}");

    /// <summary>Comments of thread <paramref name="threadId"/> posted at or after <paramref name="after"/> (epoch seconds; 0: from the first).</summary>
    public static Uri Comments(Uri baseUrl, string threadId, long after) =>
        new(baseUrl, $"api/comments/search?link_id={Uri.EscapeDataString(threadId)}{After(after)}&sort=asc&limit={PageSize}");

    public static Uri PostsByIds(Uri baseUrl, IReadOnlyCollection<string> ids) => new(baseUrl, $"api/posts/ids?ids={Join(ids)}");

    public static Uri CommentsByIds(Uri baseUrl, IReadOnlyCollection<string> ids) => new(baseUrl, $"api/comments/ids?ids={Join(ids)}");

    // No bound at all rather than 0, which the documented date formats do not name.
    private static string After(long epoch) => epoch > 0 ? "&after=" + epoch.ToString(CultureInfo.InvariantCulture) : "";

    private static string Join(IReadOnlyCollection<string> ids) =>
        ids.Count is > 0 and <= MaxIds
            ? string.Join(",", ids.Select(Uri.EscapeDataString))
            : throw new ArgumentOutOfRangeException(nameof(ids), ids.Count, $"between 1 and {MaxIds} ids per call");
}
