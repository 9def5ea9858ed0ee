using Crawler.Parsers;

namespace Crawler.Worker.Sources;

/// <summary>A deletion lookup whose answers are pages of threads and replies in one of the site's own formats.</summary>
public abstract class FullnameLookup(SourceFetcher fetcher) : IDeletionLookup
{
    public abstract int BatchSize { get; }

    public abstract bool AbsentMeansGone { get; }

    public async Task<IReadOnlyDictionary<string, bool>> LookUpAsync(SourceOptions source, IReadOnlyCollection<string> fullnames, CancellationToken ct)
    {
        var gone = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var (url, parser) in Calls(source, fullnames))
        {
            var answer = parser.Parse((await fetcher.GetAsync(source, url, ct)).Body, url);
            foreach (var thread in answer.Threads)
            {
                gone["t3_" + thread.Id] = thread.Deleted;
            }
            foreach (var reply in answer.Replies)
            {
                gone["t1_" + reply.Id] = reply.Deleted;
            }
        }
        return gone;
    }

    /// <summary>The calls that answer for <paramref name="fullnames"/>, and the parser of each answer.</summary>
    protected abstract IEnumerable<(Uri Url, IPageParser Parser)> Calls(SourceOptions source, IReadOnlyCollection<string> fullnames);
}
