namespace Crawler.Parsers.Reddit;

/// <summary>Site-wide facts about Reddit shared by its parsers, URL builders and pairing rules.</summary>
public static class RedditSite
{
    public const string Name = "reddit";

    /// <summary>Where permalinks point; relative links in saved pages resolve against it when the page URL is unknown.</summary>
    public static Uri Www { get; } = new("https://www.reddit.com/");

    /// <summary>The public URL of a permalink path such as <c>/r/NAME/comments/ID/slug/</c>.</summary>
    public static string CanonicalUrl(string permalink) => new Uri(Www, new Uri(Www, permalink).AbsolutePath).AbsoluteUri;
}
