namespace Crawler.Fetching;

/// <summary>
/// The product token of a user agent (<c>CrawlerBot</c> of <c>CrawlerBot/0.1 (+https://...)</c>): what
/// robots.txt <c>User-agent</c> lines name. RFC 9309 allows letters, '_' and '-'; digits are accepted
/// too, because real files name agents such as <c>MJ12bot</c> and <c>008</c>.
/// </summary>
public static class UserAgentToken
{
    public static string Of(string userAgent)
    {
        var value = userAgent.AsSpan().Trim();
        var end = 0;
        while (end < value.Length && (char.IsAsciiLetterOrDigit(value[end]) || value[end] is '_' or '-'))
        {
            end++;
        }
        return value[..end].ToString();
    }
}
