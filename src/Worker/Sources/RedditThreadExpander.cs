using Crawler.Parsers;
using Crawler.Parsers.Reddit;
using Crawler.Fetching;

namespace Crawler.Worker.Sources;

/// <summary>
/// Fetches the comments a Reddit comments page left behind "more" stubs, 100 ids a call, following deeper
/// stubs the answers reveal, until none are left or the source's call budget is spent.
/// </summary>
public sealed class RedditThreadExpander(SourceFetcher fetcher)
{
    private readonly RedditJsonParser _parser = new();

    /// <param name="page">The thread's comments page as fetched.</param>
    /// <returns>The raw answers to keep beside the page, and why expansion stopped early, if it did.</returns>
    public async Task<ThreadExpansion> ExpandAsync(SourceOptions source, string threadId, byte[] page, CancellationToken ct)
    {
        IReadOnlyList<string> pending;
        try
        {
            pending = _parser.Parse(page).Threads.FirstOrDefault(t => t.Id == threadId)?.More ?? [];
        }
        catch (PageFormatException e)
        {
            return new ThreadExpansion([], $"comments page not expanded: {e.Message}");
        }
        var answers = new List<byte[]>();
        var queue = new Queue<string>(pending);
        var asked = new HashSet<string>(StringComparer.Ordinal);
        while (queue.Count > 0)
        {
            if (answers.Count >= source.MoreChildrenCalls)
            {
                return new ThreadExpansion(answers, $"{queue.Count} hidden comments left for a later visit: the budget of {source.MoreChildrenCalls} morechildren calls is spent");
            }
            var batch = Take(queue, asked);
            if (batch.Count == 0)
            {
                break;
            }
            var url = RedditApiUrls.MoreChildren(source.BaseUri, threadId, batch);
            ParsedAnswer answer;
            try
            {
                var response = await fetcher.GetAsync(source, url, ct);
                answer = new ParsedAnswer(response.Body, _parser.Parse(response.Body).More);
            }
            catch (Exception e) when (e is FetchException or PageFormatException)
            {
                return new ThreadExpansion(answers, $"morechildren stopped with {queue.Count + batch.Count} comments left: {e.Message}");
            }
            answers.Add(answer.Body);
            foreach (var deeper in answer.More.Where(id => !asked.Contains(id)))
            {
                queue.Enqueue(deeper);
            }
        }
        return new ThreadExpansion(answers, null);
    }

    private static List<string> Take(Queue<string> queue, HashSet<string> asked)
    {
        var batch = new List<string>();
        while (batch.Count < RedditApiUrls.MaxIdsPerCall && queue.TryDequeue(out var id))
        {
            if (asked.Add(id))
            {
                batch.Add(id);
            }
        }
        return batch;
    }

    private sealed record ParsedAnswer(byte[] Body, IReadOnlyList<string> More);
}
