using System.Globalization;

namespace Crawler.Fetching.Politeness;

/// <summary>
/// One host's turn-taking: at most N requests in flight, request starts spaced by the host's delay (the
/// larger of the configured minimum, AutoThrottle's, robots.txt's Crawl-delay and the spacing of a
/// budget the site announced), and nothing at all while the host has asked us to wait.
/// </summary>
public sealed class HostGate(string host, int concurrency, TimeSpan startDelay, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(concurrency, concurrency);
    private readonly Lock _lock = new();
    private DateTimeOffset _nextStart = DateTimeOffset.MinValue;
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;
    private DateTimeOffset _budgetUntil = DateTimeOffset.MinValue;
    private TimeSpan _budgetSpacing;
    private TimeSpan _crawlDelay;

    public string Host => host;

    /// <summary>AutoThrottle's current delay for this host.</summary>
    public TimeSpan Delay { get; private set; } = startDelay;

    /// <summary>Waits for a free slot and for the host's next start time, then takes the start time.</summary>
    /// <exception cref="FetchException">The host asked for a longer wait than <paramref name="maxWait"/> (transient).</exception>
    public async Task<IDisposable> EnterAsync(TimeSpan floor, TimeSpan maxWait, CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (_lock)
                {
                    var now = time.GetUtcNow();
                    var start = Max(Max(now, _nextStart), _blockedUntil);
                    if (start <= now)
                    {
                        _nextStart = now + Spacing(floor, now);
                        return new Slot(_slots);
                    }
                    wait = start - now;
                }
                if (wait > maxWait)
                {
                    throw new FetchException(
                        string.Create(CultureInfo.InvariantCulture, $"host {host} asked us to wait {wait.TotalSeconds:0} s, longer than the {maxWait.TotalSeconds:0} s a request may wait"),
                        transient: true, retryAfter: wait);
                }
                await Task.Delay(wait, time, ct);
            }
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    public void Adjust(Func<TimeSpan, TimeSpan> next)
    {
        lock (_lock)
        {
            Delay = next(Delay);
        }
    }

    /// <summary>Nothing starts before <paramref name="until"/> (Retry-After, an exhausted budget).</summary>
    public void BlockUntil(DateTimeOffset until)
    {
        lock (_lock)
        {
            _blockedUntil = Max(_blockedUntil, until);
        }
    }

    /// <summary>Spreads the requests a site still allows evenly over the time until its window resets.</summary>
    public void SpreadBudget(TimeSpan spacing, DateTimeOffset until)
    {
        lock (_lock)
        {
            (_budgetSpacing, _budgetUntil) = (spacing, until);
        }
    }

    public void SetCrawlDelay(TimeSpan delay)
    {
        lock (_lock)
        {
            _crawlDelay = delay;
        }
    }

    public void Dispose() => _slots.Dispose();

    private TimeSpan Spacing(TimeSpan floor, DateTimeOffset now)
    {
        var spacing = Max(Max(floor, Delay), _crawlDelay);
        return now < _budgetUntil ? Max(spacing, _budgetSpacing) : spacing;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
