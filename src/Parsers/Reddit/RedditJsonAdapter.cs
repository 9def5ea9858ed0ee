using Crawler.Core.Domain;

namespace Crawler.Parsers.Reddit;

/// <summary>Reddit through its JSON API (<c>oauth.reddit.com</c> or <c>www.reddit.com</c> with <c>.json</c>).</summary>
public sealed class RedditJsonAdapter(RedditPairingOptions pairing) : ISiteAdapter
{
    private readonly RedditJsonParser _parser = new();

    public string Site => RedditSite.Name;

    public IPageParser Parser => _parser;

    // raw_json=1 keeps URLs and text free of HTML entities.
    public Uri ListingUrl(Uri baseUrl, string community, string? next) =>
        new(baseUrl, $"r/{Uri.EscapeDataString(community)}/new.json?limit=100&raw_json=1{(next is null ? "" : "&after=" + Uri.EscapeDataString(next))}");

    public Uri ThreadUrl(Uri baseUrl, string community, string threadId) =>
        new(baseUrl, $"comments/{Uri.EscapeDataString(threadId)}.json?raw_json=1&limit=500");

    // A comment's permalink is its thread's permalink followed by the comment id.
    public string ReplyUrl(string threadUrl, string replyId) => $"{threadUrl.TrimEnd('/')}/{replyId}/";

    public PairingResult Pair(ParsedThread thread) => RedditPairingRules.Pair(thread, pairing);
}
