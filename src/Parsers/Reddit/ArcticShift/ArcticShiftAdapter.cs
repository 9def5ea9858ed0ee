using System.Globalization;
using Crawler.Core.Domain;

namespace Crawler.Parsers.Reddit.ArcticShift;

/// <summary>
/// Reddit through the Arctic Shift archive's public API, which needs no key: a community's posts in time order
/// from <c>/api/posts/search</c>, a thread's post from <c>/api/posts/ids</c>. Ids and public URLs are Reddit's own,
/// so its threads are the same catalog rows as those of Reddit's API and of dumps.
/// </summary>
public sealed class ArcticShiftAdapter(RedditPairingOptions pairing) : ISiteAdapter
{
    private readonly ArcticShiftParser _parser = new();

    public string Site => RedditSite.Name;

    public IPageParser Parser => _parser;

    /// <param name="next">The earliest <c>created_utc</c> (epoch seconds) to list from; null starts at the archive's beginning.</param>
    public Uri ListingUrl(Uri baseUrl, string community, string? next) =>
        ArcticShiftUrls.Posts(baseUrl, community, next is null ? 0 : long.Parse(next, CultureInfo.InvariantCulture));

    public Uri ThreadUrl(Uri baseUrl, string community, string threadId) => ArcticShiftUrls.PostsByIds(baseUrl, [threadId]);

    public string ReplyUrl(string threadUrl, string replyId) => $"{threadUrl.TrimEnd('/')}/{replyId}/";

    public PairingResult Pair(ParsedThread thread) => RedditPairingRules.Pair(thread, pairing);
}
