namespace Crawler.Fetching.Transport;

/// <summary>
/// Cancels a body read that delivers fewer than the minimum bytes in any window: a server dripping a byte at
/// a time (slowloris) or stalling mid-body is dropped long before the total timeout.
/// </summary>
internal sealed class TransferRateGuard : IDisposable
{
    private readonly CancellationTokenSource _cancel;
    private readonly long _minimumPerWindow;
    private readonly ITimer? _timer;
    private readonly Lock _lock = new();
    private bool _disposed;
    private long _total;
    private long _atLastCheck;

    public TransferRateGuard(TimeProvider time, int minBytesPerSecond, TimeSpan window, CancellationTokenSource cancel)
    {
        _cancel = cancel;
        _minimumPerWindow = (long)(minBytesPerSecond * window.TotalSeconds);
        Window = window;
        if (minBytesPerSecond > 0)
        {
            _timer = time.CreateTimer(_ => Check(), null, window, window);
        }
    }

    public TimeSpan Window { get; }

    /// <summary>Bytes that arrived in the window that tripped the guard; null while it has not tripped.</summary>
    public long? TrippedAt { get; private set; }

    public void Add(int bytes) => Interlocked.Add(ref _total, bytes);

    /// <summary>After this returns no check runs, so the token source may be disposed safely.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _timer?.Dispose();
        }
    }

    private void Check()
    {
        lock (_lock)
        {
            if (!_disposed)
            {
                CheckWindow();
            }
        }
    }

    private void CheckWindow()
    {
        var total = Interlocked.Read(ref _total);
        var arrived = total - _atLastCheck;
        _atLastCheck = total;
        if (arrived < _minimumPerWindow && TrippedAt is null)
        {
            TrippedAt = arrived;
            _cancel.Cancel();
        }
    }
}
