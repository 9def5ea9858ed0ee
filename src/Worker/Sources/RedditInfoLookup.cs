using Crawler.Parsers;
using Crawler.Parsers.Reddit;

namespace Crawler.Worker.Sources;

/// <summary>Reddit's <c>/api/info</c>, 100 fullnames a call; what it leaves out was purged.</summary>
public sealed class RedditInfoLookup(SourceFetcher fetcher) : FullnameLookup(fetcher)
{
    private readonly RedditJsonParser _parser = new();

    public override int BatchSize => RedditApiUrls.MaxIdsPerCall;

    public override bool AbsentMeansGone => true;

    protected override IEnumerable<(Uri Url, IPageParser Parser)> Calls(SourceOptions source, IReadOnlyCollection<string> fullnames) =>
        [(RedditApiUrls.Info(source.BaseUri, fullnames), _parser)];
}
