using Crawler.Core.Domain;

namespace Crawler.Parsers;

/// <summary>
/// Everything site-specific the pipeline needs: where listings and threads live, how to read them, and
/// which replies are edits. URL builders only build; they never fetch.
/// </summary>
public interface ISiteAdapter
{
    /// <summary>The site name used in ids, e.g. <c>reddit</c>.</summary>
    string Site { get; }

    IPageParser Parser { get; }

    /// <summary>The listing page of <paramref name="community"/> after pagination token <paramref name="next"/>.</summary>
    Uri ListingUrl(Uri baseUrl, string community, string? next);

    Uri ThreadUrl(Uri baseUrl, string community, string threadId);

    /// <summary>The public URL of a reply, for provenance columns.</summary>
    string ReplyUrl(string threadUrl, string replyId);

    PairingResult Pair(ParsedThread thread);
}
