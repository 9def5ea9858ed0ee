namespace Crawler.Fetching.Politeness;

/// <summary>
/// Scrapy's AutoThrottle rule: aim for a delay of latency / target concurrency, moving halfway there from
/// the current delay each time. An error answer (or a redirect) is usually small and fast, so it may raise
/// the delay but never lower it; 429 and 503 double it, since the host has said it is overloaded.
/// </summary>
public sealed class AutoThrottle(TimeSpan minDelay, TimeSpan maxDelay, double targetConcurrency)
{
    public TimeSpan Next(TimeSpan current, TimeSpan latency, int status)
    {
        if (status is 429 or 503)
        {
            var basis = current > minDelay ? current : minDelay;
            return Clamp((basis < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : basis) * 2);
        }
        var target = latency / targetConcurrency;
        var next = (current + target) / 2;
        if (next < target)
        {
            next = target;
        }
        if (status is not (>= 200 and < 300) && next < current)
        {
            return current;
        }
        return Clamp(next);
    }

    private TimeSpan Clamp(TimeSpan delay) => delay < minDelay ? minDelay : delay > maxDelay ? maxDelay : delay;
}
