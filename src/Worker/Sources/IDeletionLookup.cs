namespace Crawler.Worker.Sources;

/// <summary>
/// Asks a site the current state of things by fullname (<c>t3_</c> threads, <c>t1_</c> replies), for the
/// deletion sweep.
/// </summary>
public interface IDeletionLookup
{
    /// <summary>Fullnames asked per call to <see cref="LookUpAsync"/> at most.</summary>
    int BatchSize { get; }

    /// <summary>
    /// Whether a thing the answer leaves out is gone: Reddit leaves out what it purged, while an archive may
    /// simply not hold it (or answer empty when its index lags), so only its own marks count there.
    /// </summary>
    bool AbsentMeansGone { get; }

    /// <summary>Whether each thing the site answered for is deleted or removed, by fullname.</summary>
    /// <param name="fullnames">At most <see cref="BatchSize"/>.</param>
    /// <exception cref="Fetching.FetchException">The site did not answer.</exception>
    /// <exception cref="Parsers.PageFormatException">Its answer is unreadable.</exception>
    Task<IReadOnlyDictionary<string, bool>> LookUpAsync(SourceOptions source, IReadOnlyCollection<string> fullnames, CancellationToken ct);
}
