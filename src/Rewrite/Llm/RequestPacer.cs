namespace Crawler.Rewrite.Llm;

/// <summary>
/// Spaces request starts evenly, <c>60 s / requests-per-minute</c> apart, on an injected clock, so any minute
/// holds at most the configured number. A server's Retry-After holds every caller, not only the one told.
/// </summary>
public sealed class RequestPacer(TimeProvider time, int requestsPerMinute)
{
    private readonly TimeSpan _interval = TimeSpan.FromMinutes(1) / requestsPerMinute;
    private readonly Lock _lock = new();
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    /// <summary>Waits for the next free start slot and takes it.</summary>
    public Task WaitTurnAsync(CancellationToken ct)
    {
        DateTimeOffset slot;
        var now = time.GetUtcNow();
        lock (_lock)
        {
            slot = _next > now ? _next : now;
            _next = slot + _interval;
        }
        var wait = slot - now;
        return wait > TimeSpan.Zero ? Task.Delay(wait, time, ct) : Task.CompletedTask;
    }

    /// <summary>No request starts before <paramref name="until"/>.</summary>
    public void HoldUntil(DateTimeOffset until)
    {
        lock (_lock)
        {
            if (until > _next)
            {
                _next = until;
            }
        }
    }
}
