using Crawler.Core.Domain;
using Crawler.Parsers;
using Crawler.Worker.Sources;

namespace Crawler.Worker.Pipeline.Sites;

/// <summary>
/// What the stages ask of a source's site, so that no stage tests which site it is: how its threads are found,
/// what is read beside a thread's own page, and which optional services (deletion lookups, dumps) it has.
/// One driver per adapter name; a forum is a site file read by the forum driver, not a new driver.
/// </summary>
public abstract class SiteDriver
{
    /// <summary>The adapter name a source gives in its configuration, e.g. <c>reddit-json</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The source's URLs, parser and pairing rules.</summary>
    public abstract ISiteAdapter Adapter(SourceOptions source);

    /// <summary>Adds the community's threads not seen before to the frontier and queues their fetches.</summary>
    /// <exception cref="Fetching.FetchException">A listing could not be fetched.</exception>
    /// <exception cref="PageFormatException">A listing could not be read.</exception>
    public abstract Task DiscoverAsync(SourceOptions source, ISiteAdapter adapter, string community, CancellationToken ct);

    /// <summary>
    /// The pages read beside a thread's own page and stored as its parts: hidden comments, an archive's comment
    /// pages, a forum thread's later pages. None by default.
    /// </summary>
    /// <param name="page">The thread's own page as last fetched.</param>
    /// <exception cref="Fetching.FetchException">A page beside could not be fetched; the thread is not stored in part.</exception>
    public virtual Task<ThreadExpansion> ReadBesideAsync(SourceOptions source, ThreadRef thread, Uri pageUrl, byte[] page, CancellationToken ct) =>
        Task.FromResult(new ThreadExpansion([], null));

    /// <summary>
    /// Whether the pages beside change while the thread's own page does not (an archive's comments, a forum's
    /// later pages), so they are read on every visit; otherwise only a changed page is worth reading beside.
    /// </summary>
    public virtual bool BesideChangesAlone => false;

    /// <summary>The site's lookup of deletions by id; null where it has none, and its threads are not swept.</summary>
    public virtual IDeletionLookup? Deletions => null;

    /// <summary>Whether stored pages keep the text of what was deleted later (an archive), so they go with it.</summary>
    public virtual bool PagesKeepDeletedText => false;

    /// <summary>Whether a thread's revisit window runs from its posting rather than its first sight (an archive read late).</summary>
    public virtual bool RevisitsFromPosting => false;

    /// <summary>Whether Reddit dumps import into sources of this adapter.</summary>
    public virtual bool TakesDumps => false;

    /// <summary>What is wrong with a source's settings that only this adapter knows, one line each.</summary>
    public virtual IEnumerable<string> Problems(SourceOptions source) => [];
}
