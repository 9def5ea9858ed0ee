namespace Crawler.Parsers.Reddit;

/// <summary>Site-wide facts about Reddit shared by its parsers, URL builders and pairing rules.</summary>
public static class RedditSite
{
    public const string Name = "reddit";
}
