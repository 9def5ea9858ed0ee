using Crawler.Core.Domain;
using Crawler.Parsers.Reddit;

namespace Crawler.Parsers.Forums;

/// <summary>Any forum a site file describes: its URLs from the file's templates, its pages through <see cref="ForumPageParser"/>.</summary>
public sealed class ForumAdapter(ForumSite site, RedditPairingOptions pairing) : ISiteAdapter
{
    private readonly ForumPageParser _parser = new(site);

    public string Site => site.Name;

    public IPageParser Parser => _parser;

    // A listing page's Next is already the absolute URL of the following page.
    public Uri ListingUrl(Uri baseUrl, string community, string? next) =>
        next is not null && Uri.TryCreate(next, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute
            : new Uri(baseUrl, site.ListingPath.Replace("{board}", Uri.EscapeDataString(community), StringComparison.Ordinal));

    public Uri ThreadUrl(Uri baseUrl, string community, string threadId) =>
        new(baseUrl, site.ThreadPath.Replace("{id}", Uri.EscapeDataString(threadId), StringComparison.Ordinal));

    public string ReplyUrl(string threadUrl, string replyId) =>
        site.ReplyUrl.Replace("{thread}", threadUrl, StringComparison.Ordinal).Replace("{id}", replyId, StringComparison.Ordinal);

    public PairingResult Pair(ParsedThread thread) => ForumPairing.Pair(thread, pairing);
}
