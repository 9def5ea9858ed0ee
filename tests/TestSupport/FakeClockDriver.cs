namespace Crawler.TestSupport;

/// <summary>
/// Moves a fake clock forward while real work runs against it: whenever the work has made no progress for a
/// few milliseconds (it is waiting on a timer), the clock moves one step. No assertion ever reads the wall clock.
/// </summary>
public static class FakeClockDriver
{
    /// <param name="advance">Moves the fake clock, e.g. <c>FakeTimeProvider.Advance</c>.</param>
    /// <param name="progress">A counter that grows while the work is busy (requests seen, rows written).</param>
    /// <param name="maxSteps">Guards against work that never ends.</param>
    /// <param name="busy">True while real work that no fake timer bounds is under way (a request on the wire): the clock waits.</param>
    public static async Task<T> RunAsync<T>(Task<T> work, Action<TimeSpan> advance, TimeSpan step, Func<int>? progress = null, int maxSteps = 20_000, Func<bool>? busy = null)
    {
        var last = progress?.Invoke() ?? 0;
        var quiet = 0;
        for (var steps = 0; !work.IsCompleted; )
        {
            await Task.WhenAny(work, Task.Delay(3));
            var now = progress?.Invoke() ?? 0;
            quiet = now == last && busy?.Invoke() != true ? quiet + 1 : 0;
            last = now;
            if (!work.IsCompleted && quiet >= 2)
            {
                if (++steps > maxSteps)
                {
                    throw new TimeoutException($"the work did not finish within {maxSteps} steps of {step}");
                }
                advance(step);
                quiet = 0;
            }
        }
        return await work;
    }

    public static Task RunAsync(Task work, Action<TimeSpan> advance, TimeSpan step, Func<int>? progress = null, int maxSteps = 20_000, Func<bool>? busy = null) =>
        RunAsync(work.ContinueWith(t => { t.GetAwaiter().GetResult(); return true; }, TaskScheduler.Default), advance, step, progress, maxSteps, busy);
}
