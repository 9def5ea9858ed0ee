using Crawler.Fetching.Transport;
using Microsoft.Extensions.Time.Testing;

namespace Crawler.Fetching.Tests.Transport;

public sealed class TransferRateGuardTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void Guard_CancelsTheRead_WhenAWindowBringsTooFewBytes()
    {
        using var cancel = new CancellationTokenSource();
        using var guard = new TransferRateGuard(_clock, minBytesPerSecond: 100, TimeSpan.FromSeconds(2), cancel);

        guard.Add(150);
        _clock.Advance(TimeSpan.FromSeconds(2));

        Assert.True(cancel.IsCancellationRequested);
        Assert.Equal(150, guard.TrippedAt);
    }

    [Fact]
    public void Guard_LetsASteadyTransferRun()
    {
        using var cancel = new CancellationTokenSource();
        using var guard = new TransferRateGuard(_clock, minBytesPerSecond: 100, TimeSpan.FromSeconds(2), cancel);

        for (var window = 0; window < 5; window++)
        {
            guard.Add(200);
            _clock.Advance(TimeSpan.FromSeconds(2));
        }

        Assert.False(cancel.IsCancellationRequested);
        Assert.Null(guard.TrippedAt);
    }

    [Fact]
    public void Guard_ChecksNothing_OnceDisposed()
    {
        using var cancel = new CancellationTokenSource();
        var guard = new TransferRateGuard(_clock, minBytesPerSecond: 100, TimeSpan.FromSeconds(2), cancel);

        guard.Dispose();
        _clock.Advance(TimeSpan.FromSeconds(10));

        Assert.False(cancel.IsCancellationRequested);
    }
}
