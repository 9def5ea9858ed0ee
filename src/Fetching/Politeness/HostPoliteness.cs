using System.Collections.Concurrent;
using Crawler.Fetching.Transport;
using Microsoft.Extensions.Options;

namespace Crawler.Fetching.Politeness;

/// <summary>
/// The per-host gates of the whole process, and what answers teach them: latency (AutoThrottle),
/// Retry-After, announced budgets and Crawl-delay. Hosts the exemptions name (the demo's own loopback site)
/// pass without waiting.
/// </summary>
public sealed class HostPoliteness(
    IOptions<PolitenessOptions> options,
    IFetchExemptions exemptions,
    TimeProvider time) : IHostBudget, IDisposable
{
    private static readonly IDisposable NoSlot = new NoOpSlot();
    private readonly ConcurrentDictionary<string, HostGate> _gates = new(StringComparer.OrdinalIgnoreCase);
    private readonly PolitenessOptions _options = options.Value;
    private readonly AutoThrottle _throttle = new(
        TimeSpan.FromMilliseconds(options.Value.MinDelayMilliseconds),
        TimeSpan.FromSeconds(options.Value.MaxDelaySeconds),
        options.Value.TargetConcurrency);

    private TimeSpan MinDelay => TimeSpan.FromMilliseconds(_options.MinDelayMilliseconds);

    /// <summary>Waits for this host's turn; dispose the result when the exchange is over.</summary>
    public Task<IDisposable> EnterAsync(Uri url, CancellationToken ct) =>
        Exempt(url.Host) ? Task.FromResult(NoSlot) : Gate(url.Host).EnterAsync(MinDelay, TimeSpan.FromSeconds(_options.MaxWaitSeconds), ct);

    /// <summary>Learns from one answer of <paramref name="url"/>'s host.</summary>
    public void Observe(Uri url, ExchangeResult result)
    {
        if (Exempt(url.Host))
        {
            return;
        }
        var gate = Gate(url.Host);
        var now = time.GetUtcNow();
        if (_options.AutoThrottle)
        {
            gate.Adjust(current => _throttle.Next(current, result.Latency, result.Status));
        }
        if (result.Status is 429 or 503 && RetryAfter.Parse(result.Header("retry-after"), now) is { } wait)
        {
            gate.BlockUntil(now + wait);
        }
        if (RateLimitHeaders.Read(result.Header, now) is { } budget)
        {
            Update(url.Host, budget.Remaining, budget.ResetsIn);
        }
    }

    /// <summary>An exhausted budget holds the host back until the window resets; otherwise requests are spread over it.</summary>
    public void Update(string host, double remaining, TimeSpan resetsIn)
    {
        var until = time.GetUtcNow() + resetsIn;
        var gate = Gate(host);
        if (remaining < 1)
        {
            gate.BlockUntil(until);
        }
        else
        {
            gate.SpreadBudget(resetsIn / remaining, until);
        }
    }

    public void SetCrawlDelay(string host, TimeSpan delay)
    {
        var cap = TimeSpan.FromSeconds(_options.MaxCrawlDelaySeconds);
        Gate(host).SetCrawlDelay(delay > cap ? cap : delay);
    }

    public HostGate Gate(string host) => _gates.GetOrAdd(host, h => new HostGate(
        h,
        _options.MaxConcurrencyPerHost,
        _options.AutoThrottle ? TimeSpan.FromMilliseconds(Math.Max(_options.StartDelayMilliseconds, _options.MinDelayMilliseconds)) : MinDelay,
        time));

    public void Dispose()
    {
        foreach (var gate in _gates.Values)
        {
            gate.Dispose();
        }
    }

    private bool Exempt(string host) => exemptions.SkipsPoliteness(host);

    private sealed class NoOpSlot : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
