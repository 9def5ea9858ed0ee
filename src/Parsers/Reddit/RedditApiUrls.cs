namespace Crawler.Parsers.Reddit;

/// <summary>Reddit API endpoints beyond listings and threads (those are on <see cref="RedditJsonAdapter"/>).</summary>
public static class RedditApiUrls
{
    /// <summary>Most ids one <c>/api/morechildren</c> or <c>/api/info</c> call takes.</summary>
    public const int MaxIdsPerCall = 100;

    /// <summary>The comments behind "more" stubs of thread <paramref name="threadId"/>; at most <see cref="MaxIdsPerCall"/> ids.</summary>
    public static Uri MoreChildren(Uri baseUrl, string threadId, IReadOnlyCollection<string> ids) =>
        new(baseUrl, $"api/morechildren?api_type=json&link_id=t3_{Uri.EscapeDataString(threadId)}&children={Join(ids)}&limit_children=false&raw_json=1");

    /// <summary>The current state of things by fullname (<c>t3_...</c>, <c>t1_...</c>); at most <see cref="MaxIdsPerCall"/>.</summary>
    public static Uri Info(Uri baseUrl, IReadOnlyCollection<string> fullnames) =>
        new(baseUrl, $"api/info?id={Join(fullnames)}&raw_json=1");

    private static string Join(IReadOnlyCollection<string> ids) =>
        ids.Count is > 0 and <= MaxIdsPerCall
            ? string.Join(",", ids.Select(Uri.EscapeDataString))
            : throw new ArgumentOutOfRangeException(nameof(ids), ids.Count, $"between 1 and {MaxIdsPerCall} ids per call");
}
