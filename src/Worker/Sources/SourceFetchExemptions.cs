using Crawler.Fetching;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Sources;

/// <summary>The sources' own settings decide what the fetcher may skip: <c>ExemptFromRobots</c> and <c>NoPoliteness</c>.</summary>
public sealed class SourceFetchExemptions(IOptionsMonitor<SourcesOptions> sources) : IFetchExemptions
{
    public bool SkipsRobots(string source) =>
        sources.CurrentValue.Items.Any(s => s.Name == source && s.ExemptFromRobots);

    public bool SkipsPoliteness(string host) =>
        sources.CurrentValue.Items.Any(s => s.NoPoliteness && Uri.TryCreate(s.BaseUrl, UriKind.Absolute, out var b)
            && string.Equals(b.Host, host, StringComparison.OrdinalIgnoreCase));
}
