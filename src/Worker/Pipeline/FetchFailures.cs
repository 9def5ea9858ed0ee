using Crawler.Worker.Sources;
using System.Globalization;
using Crawler.Fetching;
using Crawler.Worker.Pipeline;

namespace Crawler.Worker.Pipeline;

/// <summary>What a failed source request means for the work item that made it.</summary>
public static class FetchFailures
{
    /// <summary>
    /// A 429, or the fetcher's refusal to wait that long for a host that asked us to hold back, is the site's
    /// budget running out, not a fault of the item: it waits for the window to reset without spending an
    /// attempt. Other transient failures are retried with backoff (at least any Retry-After); the rest are final.
    /// </summary>
    public static StageOutcome Outcome(FetchException e)
    {
        if (e.StatusCode == 429 || (e.StatusCode is null && e.Transient && e.RetryAfter is not null))
        {
            var wait = e.RetryAfter ?? RedditRateLimit.From(e.Headers)?.ResetsIn ?? SourceFetcher.DefaultRateLimitWait;
            wait = wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait;
            return StageOutcome.Defer(wait, string.Create(CultureInfo.InvariantCulture, $"rate limited ({e.Message}); waiting {wait.TotalSeconds:0} s"));
        }
        return StageOutcome.FromFetch(e);
    }
}
