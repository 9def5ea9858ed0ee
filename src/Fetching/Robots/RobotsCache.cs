using System.Collections.Concurrent;
using Crawler.Fetching.Politeness;
using Crawler.Fetching.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crawler.Fetching.Robots;

/// <summary>
/// robots.txt per origin (RFC 9309): fetched once in its host's turn, following up to five redirects,
/// kept at most a day. 2xx is parsed; 4xx means no rules; 429, 5xx and network errors mean everything is
/// disallowed until a retry some minutes later. Concurrent askers share one download.
/// </summary>
public sealed class RobotsCache(
    PoliteSender sender,
    HostPoliteness hosts,
    IOptions<FetchOptions> fetch,
    IOptions<PolitenessOptions> politeness,
    TimeProvider time,
    ILogger<RobotsCache> logger)
{
    private const int MaxRedirects = 5;
    private readonly ConcurrentDictionary<string, Lazy<Task<Entry>>> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _token = UserAgentToken.Of(fetch.Value.UserAgent);

    public async Task<RobotsVerdict> CheckAsync(Uri url, CancellationToken ct)
    {
        var entry = await EntryForAsync(url, ct);
        if (entry.Unreachable is { } why)
        {
            return new RobotsVerdict(false, $"robots.txt of {url.Host} is unreachable ({why}), so every path counts as disallowed for now", Transient: true);
        }
        return entry.Rules.IsAllowed(url) ? RobotsVerdict.Allow : new RobotsVerdict(false, $"disallowed by robots.txt of {url.Host}");
    }

    private async Task<Entry> EntryForAsync(Uri url, CancellationToken ct)
    {
        var origin = url.GetLeftPart(UriPartial.Authority);
        while (true)
        {
            var lazy = _entries.GetOrAdd(origin, o => new Lazy<Task<Entry>>(() => DownloadAsync(new Uri(o + "/robots.txt"))));
            Entry entry;
            try
            {
                // One download serves every caller, so it is not bound to this caller's cancellation.
                entry = await lazy.Value.WaitAsync(ct);
            }
            catch (FetchException)
            {
                _entries.TryRemove(new KeyValuePair<string, Lazy<Task<Entry>>>(origin, lazy));
                throw;
            }
            if (entry.Expires > time.GetUtcNow())
            {
                return entry;
            }
            _entries.TryRemove(new KeyValuePair<string, Lazy<Task<Entry>>>(origin, lazy));
        }
    }

    private async Task<Entry> DownloadAsync(Uri robotsUrl)
    {
        var exchange = new HttpExchange(robotsUrl, HttpMethod.Get, FetchKind.Page, RobotsParser.MaxBytes, TruncateAtCap: true);
        var redirects = new Redirects(MaxRedirects);
        try
        {
            while (true)
            {
                var result = await sender.SendAsync(exchange, CancellationToken.None);
                if (result.IsRedirect)
                {
                    exchange = redirects.Next(exchange, result);
                    continue;
                }
                return Judge(robotsUrl, result);
            }
        }
        catch (FetchException e) when (e.Transient)
        {
            logger.LogWarning("robots.txt at {Url} unreachable: {Reason}", robotsUrl, e.Message);
            return Unreachable(e.Message);
        }
        catch (FetchException e) when (e.StatusCode is >= 300 and < 400)
        {
            // Past five redirects (or in a loop) robots.txt may be taken as unavailable (RFC 9309 §2.3.1.2).
            return Cached(RobotsRules.AllowAll);
        }
    }

    private Entry Judge(Uri robotsUrl, ExchangeResult result)
    {
        if (result.Status is >= 200 and < 300)
        {
            var rules = RobotsParser.Parse(result.Body, _token);
            if (rules.CrawlDelay is { } delay)
            {
                hosts.SetCrawlDelay(robotsUrl.Host, delay);
            }
            return Cached(rules);
        }
        if (result.Status is >= 400 and < 500 and not 429)
        {
            return Cached(RobotsRules.AllowAll);
        }
        logger.LogWarning("robots.txt at {Url} answered {Status}", robotsUrl, result.Status);
        return Unreachable(result.Describe());
    }

    private Entry Cached(RobotsRules rules) =>
        new(rules, null, time.GetUtcNow() + TimeSpan.FromHours(politeness.Value.RobotsCacheHours));

    private Entry Unreachable(string why) =>
        new(RobotsRules.DisallowAll, why, time.GetUtcNow() + TimeSpan.FromMinutes(politeness.Value.RobotsRetryMinutes));

    private sealed record Entry(RobotsRules Rules, string? Unreachable, DateTimeOffset Expires);
}
