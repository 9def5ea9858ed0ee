using Crawler.Fetching;

namespace Crawler.TestSupport.Fetching;

/// <summary>Exemptions named by the test: sources that skip robots.txt, hosts that skip the politeness gate.</summary>
public sealed class FixedExemptions(IEnumerable<string>? robotsExemptSources = null, IEnumerable<string>? impoliteHosts = null) : IFetchExemptions
{
    private readonly HashSet<string> _sources = [.. robotsExemptSources ?? []];
    private readonly HashSet<string> _hosts = new(impoliteHosts ?? [], StringComparer.OrdinalIgnoreCase);

    /// <summary>Requests for <paramref name="sources"/> skip robots.txt.</summary>
    public static FixedExemptions Robots(params string[] sources) => new(sources);

    public bool SkipsRobots(string source) => _sources.Contains(source);

    public bool SkipsPoliteness(string host) => _hosts.Contains(host);
}
