using Crawler.Worker.Pipeline;
using Crawler.Fetching;
using Microsoft.Extensions.Logging;

namespace Crawler.Worker.Sources;

/// <summary>
/// How stages read a configured source: through the fetcher, with the source's OAuth token when it has one,
/// and with every announced rate limit handed to the fetcher's host budget (from errors too: a 429 carries it).
/// </summary>
public sealed class SourceFetcher(IFetcher fetcher, IHostBudget budget, RedditTokenProvider tokens, ILogger<SourceFetcher> logger)
{
    /// <summary>How long to hold off after a 429 that says nothing about when to come back.</summary>
    public static readonly TimeSpan DefaultRateLimitWait = TimeSpan.FromMinutes(1);

    /// <exception cref="FetchException">No usable answer; the pipeline decides what it means for the work item.</exception>
    public async Task<FetchResponse> GetAsync(SourceOptions source, Uri url, CancellationToken ct, string? etag = null, string? lastModified = null)
    {
        try
        {
            return await SendAsync(source, url, etag, lastModified, ct);
        }
        catch (FetchException e) when (e.StatusCode == 401 && source.OAuth is not null)
        {
            // Tokens can be revoked or expire early; one fresh token decides whether the credentials still work.
            tokens.Invalidate(source.Name);
            return await SendAsync(source, url, etag, lastModified, ct);
        }
    }

    private async Task<FetchResponse> SendAsync(SourceOptions source, Uri url, string? etag, string? lastModified, CancellationToken ct)
    {
        var headers = source.OAuth is { } oauth
            ? new Dictionary<string, string> { ["Authorization"] = "bearer " + await tokens.TokenAsync(source, oauth, ct) }
            : null;
        try
        {
            var response = await fetcher.FetchAsync(new FetchRequest(url, FetchKind.Page, source.Name, etag, lastModified, headers), ct);
            Account(url.Host, response.Headers, null);
            return response;
        }
        catch (FetchException e)
        {
            Account(url.Host, e.Headers, e.StatusCode == 429 ? e.RetryAfter ?? DefaultRateLimitWait : null);
            throw;
        }
    }

    private void Account(string host, IReadOnlyDictionary<string, string>? headers, TimeSpan? refusedFor)
    {
        if (RedditRateLimit.From(headers) is { } limit)
        {
            limit.ApplyTo(budget, host);
            logger.LogDebug("Rate limit of {Host}: {Used} used, {Remaining} remaining, resets in {Reset}", host, limit.Used, limit.Remaining, limit.ResetsIn);
        }
        else if (refusedFor is { } wait)
        {
            budget.Update(host, 0, wait);
        }
    }
}
