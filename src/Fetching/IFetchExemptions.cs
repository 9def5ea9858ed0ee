namespace Crawler.Fetching;

/// <summary>
/// What the fetcher may skip, decided by whoever configures the sources: robots.txt for a source that is an
/// authorised API, the politeness gate for a host the operator runs (the demo's own loopback site).
/// </summary>
public interface IFetchExemptions
{
    /// <summary>Whether requests on behalf of <paramref name="source"/> skip robots.txt.</summary>
    bool SkipsRobots(string source);

    /// <summary>Whether <paramref name="host"/> is fetched without waiting for its turn.</summary>
    bool SkipsPoliteness(string host);
}

/// <summary>Nothing is exempt: the fetcher's default when no one says otherwise.</summary>
public sealed class NoFetchExemptions : IFetchExemptions
{
    public bool SkipsRobots(string source) => false;

    public bool SkipsPoliteness(string host) => false;
}
