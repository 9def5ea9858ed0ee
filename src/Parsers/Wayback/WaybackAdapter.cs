using Crawler.Core.Domain;
using Crawler.Parsers.Forums;
using Crawler.Parsers.Reddit;

namespace Crawler.Parsers.Wayback;

/// <summary>
/// A site that is gone, read from its Wayback Machine captures: its threads are listed by the CDX API, each read
/// from one capture, raw. The site file describes the site as it was; the adapter's base URL is the archive's.
/// </summary>
public sealed class WaybackAdapter(ForumSite site, Uri archiveBase, RedditPairingOptions pairing) : ISiteAdapter
{
    private readonly ForumAdapter _site = new(site, pairing);

    public string Site => site.Name;

    public IPageParser Parser { get; } = new WaybackPageParser(new ForumPageParser(site), archiveBase);

    /// <summary>The CDX search for the site's thread pages (from the site file's base URL and thread path), at <paramref name="next"/>'s resume key.</summary>
    public Uri ListingUrl(Uri baseUrl, string community, string? next) => ThreadSearch(baseUrl).Url(next);

    /// <summary>The thread's page at the archive's latest capture (a bare year asks for the nearest one); discovery names the capture it listed instead.</summary>
    public Uri ThreadUrl(Uri baseUrl, string community, string threadId) =>
        ArchivedUrl.Raw(baseUrl, "2", _site.ThreadUrl(SiteBase, community, threadId).AbsoluteUri);

    public string ReplyUrl(string threadUrl, string replyId) => _site.ReplyUrl(threadUrl, replyId);

    public PairingResult Pair(ParsedThread thread) => _site.Pair(thread);

    /// <summary>
    /// The threads a CDX page lists, each once: the capture of its first page (another page's when that is all
    /// there is), as a stub holding the thread id, the capture time and the replay URL.
    /// </summary>
    public IReadOnlyList<ParsedThread> Threads(CdxPage page, string community, Uri baseUrl) =>
        page.Captures
            .Select(c => (Capture: c, Match: site.ThreadIdPattern.Match(c.Original)))
            .Where(x => x.Match.Success)
            .GroupBy(x => x.Match.Groups["id"].Value, StringComparer.Ordinal)
            .Select(g => g.OrderBy(x => site.PagePattern?.IsMatch(x.Capture.Original) == true).First())
            .Select(x => new ParsedThread(
                Id: x.Match.Groups["id"].Value, Community: community, Title: "", Body: "", Author: null,
                CreatedUtc: x.Capture.CapturedUtc, Flair: null, Nsfw: false, Deleted: false, Images: [], Replies: [], More: [],
                Url: x.Capture.ReplayUrl(baseUrl).AbsoluteUri))
            .ToList();

    private Uri SiteBase => site.BaseUrl ?? throw new InvalidOperationException($"site file '{site.Name}' has no baseUrl, which an archived site needs");

    /// <summary>Every HTML capture under the thread path: the part of the site file's thread path before the id.</summary>
    private CdxQuery ThreadSearch(Uri archiveBase)
    {
        var path = site.ThreadPath;
        var prefix = new Uri(SiteBase, path[..path.IndexOf("{id}", StringComparison.Ordinal)]);
        return new CdxQuery(archiveBase, prefix.Host + prefix.AbsolutePath) { MatchType = CdxMatchType.Prefix, MimeType = "text/html" };
    }
}
