using Crawler.Parsers;
using Crawler.Parsers.Reddit;
using Crawler.Worker.Sources;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Pipeline.Sites;

/// <summary>The site drivers by the adapter name sources give.</summary>
public sealed class SiteDrivers(IEnumerable<SiteDriver> drivers, IOptionsMonitor<SourcesOptions> sources)
{
    private readonly Dictionary<string, SiteDriver> _byName = drivers.ToDictionary(d => d.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => _byName.Keys;

    /// <summary>The adapter names whose sources take Reddit dumps.</summary>
    public IReadOnlyList<string> TakingDumps => _byName.Values.Where(d => d.TakesDumps).Select(d => d.Name).Order().ToList();

    /// <exception cref="ArgumentException">No driver has the source's adapter name (the validator reports it at start).</exception>
    public SiteDriver For(SourceOptions source) =>
        _byName.TryGetValue(source.Adapter, out var driver)
            ? driver
            : throw new ArgumentException($"Unknown adapter '{source.Adapter}'. Known: {string.Join(", ", _byName.Keys.Order())}.");

    public ISiteAdapter AdapterFor(SourceOptions source) => For(source).Adapter(source);

    /// <summary>
    /// The adapter of the first configured source on <paramref name="site"/>, for work that knows only the site
    /// (provenance URLs at export). Reddit rows outlive their source (a dump imported, the source removed), so
    /// Reddit falls back to its API adapter.
    /// </summary>
    public ISiteAdapter? ForSite(string site) =>
        sources.CurrentValue.Items.Where(s => _byName.ContainsKey(s.Adapter)).Select(AdapterFor).FirstOrDefault(a => a.Site == site)
        ?? (site == RedditSite.Name ? new RedditJsonAdapter(new RedditPairingOptions()) : null);
}
