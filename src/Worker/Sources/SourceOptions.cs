using System.ComponentModel.DataAnnotations;
using Crawler.Parsers.Reddit;

namespace Crawler.Worker.Sources;

/// <summary>One place requests are crawled from; an item of the <c>Sources</c> list.</summary>
public sealed class SourceOptions
{
    [Required]
    public string Name { get; set; } = "";

    /// <summary>
    /// The site adapter: <c>arctic-shift</c> (the Arctic Shift archive of Reddit, no key needed), <c>reddit-json</c>
    /// (Reddit's OAuth API, for holders of approved credentials), <c>forum</c> (a forum its site file describes) or
    /// <c>wayback</c> (a site gone, read from its Wayback Machine captures through its site file).
    /// </summary>
    [Required]
    public string Adapter { get; set; } = "reddit-json";

    /// <summary>
    /// The site file of a <c>forum</c> or <c>wayback</c> source: a name in <c>config/sites</c> (e.g.
    /// <c>photoshopgurus</c>, <c>xenforo</c>) or a file's path. Unused by the Reddit adapters.
    /// </summary>
    public string? Site { get; set; }

    /// <summary>The API or site root, e.g. <c>https://oauth.reddit.com/</c>; for a wayback source, the archive's (<c>https://web.archive.org/</c>).</summary>
    [Required, Url]
    public string BaseUrl { get; set; } = "";

    /// <summary>
    /// Communities whose listings are read: subreddits; a forum's boards as in their URLs (XenForo:
    /// <c>slug.id</c>); for an archived site, a label for its threads. A disabled source may leave them out.
    /// </summary>
    public List<string> Communities { get; set; } = [];

    public bool Enabled { get; set; } = true;

    /// <summary>Listing pages read per discovery run.</summary>
    [Range(1, 100)]
    public int ListingPages { get; set; } = 3;

    [Range(1, 10_080)]
    public int DiscoverIntervalMinutes { get; set; } = 15;

    /// <summary>How long after first sight a thread is revisited for new edits; 0 fetches it once.</summary>
    [Range(0, 24 * 365)]
    public int RevisitWindowHours { get; set; } = 72;

    /// <summary>The first revisit comes this long after the first fetch; each later one waits twice as long.</summary>
    [Range(1, 7 * 24 * 60)]
    public int FirstRevisitMinutes { get; set; } = 60;

    /// <summary>
    /// Calls to Reddit's <c>/api/morechildren</c> (up to 100 hidden comments each) allowed per thread fetch;
    /// the ids left over stay listed as more and are expanded on the next revisit. 0 never expands.
    /// </summary>
    [Range(0, 100)]
    public int MoreChildrenCalls { get; set; } = 10;

    /// <summary>
    /// After its revisit window, a thread and its edits are re-checked for deletion this often (Reddit's
    /// <c>/api/info</c>), for as long as the catalog holds them.
    /// </summary>
    [Range(1, 24 * 365)]
    public int DeletionSweepHours { get; set; } = 7 * 24;

    /// <summary>
    /// Arctic Shift: how far back a community's first pass starts; later passes go on from the catalog's cursor,
    /// and a community already holding imported threads starts after its newest one.
    /// </summary>
    [Range(0, 365 * 25)]
    public int StartDaysAgo { get; set; } = 30;

    /// <summary>
    /// Pages read beside a thread's own page per visit: Arctic Shift pages of 100 comments, a forum thread's
    /// later pages. A thread with more is read further on later visits.
    /// </summary>
    [Range(1, 100)]
    public int CommentPages { get; set; } = 10;

    /// <summary>
    /// Pages in a row whose layout no longer matches the site file before the source pauses itself; a restart
    /// (after fixing the site file) lifts the pause.
    /// </summary>
    [Range(1, 1000)]
    public int LayoutFailuresToPause { get; set; } = 5;

    /// <summary>Reddit app-only OAuth; null for sources reached without a token (the demo, saved copies).</summary>
    public RedditOAuthOptions? OAuth { get; set; }

    /// <summary>
    /// Skips robots.txt. Only for an authorised API governed by its own terms (Reddit's OAuth API); pages
    /// and image hosts are never exempt.
    /// </summary>
    public bool ExemptFromRobots { get; set; }

    /// <summary>Fetches this source's own hosts without per-host delays (the demo's loopback site only).</summary>
    public bool NoPoliteness { get; set; }

    public RedditPairingOptions Pairing { get; set; } = new();

    public Uri BaseUri => new(BaseUrl.EndsWith('/') ? BaseUrl : BaseUrl + "/");
}
