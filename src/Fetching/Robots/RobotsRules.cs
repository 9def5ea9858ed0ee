namespace Crawler.Fetching.Robots;

/// <summary>The rules of robots.txt that apply to our user agent, and its Crawl-delay.</summary>
public sealed class RobotsRules(IReadOnlyList<RobotsPattern> patterns, TimeSpan? crawlDelay)
{
    public static RobotsRules AllowAll { get; } = new([], null);

    public static RobotsRules DisallowAll { get; } = new([new RobotsPattern("/", Allow: false)], null);

    public TimeSpan? CrawlDelay => crawlDelay;

    public IReadOnlyList<RobotsPattern> Patterns => patterns;

    /// <summary>
    /// The longest matching pattern decides; on a tie Allow wins; no match allows. <c>/robots.txt</c> itself
    /// is always allowed (RFC 9309 §2.2.2).
    /// </summary>
    public bool IsAllowed(Uri url)
    {
        var path = RobotsPattern.Normalize(url.AbsolutePath.Length == 0 ? "/" : url.AbsolutePath) + RobotsPattern.Normalize(url.Query);
        if (url.AbsolutePath == "/robots.txt")
        {
            return true;
        }
        RobotsPattern? best = null;
        foreach (var pattern in patterns)
        {
            if (pattern.Matches(path) && (best is null || pattern.Length > best.Length || (pattern.Length == best.Length && pattern.Allow)))
            {
                best = pattern;
            }
        }
        return best?.Allow ?? true;
    }
}
