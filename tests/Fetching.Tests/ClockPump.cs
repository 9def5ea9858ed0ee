using Microsoft.Extensions.Time.Testing;

namespace Crawler.Fetching.Tests;

/// <summary>
/// Moves a fake clock forward in small steps while real I/O runs, until a task is done. The real pauses
/// between steps only let sockets make progress; no assertion depends on them.
/// </summary>
internal static class ClockPump
{
    private const int MaxSteps = 20_000;

    public static async Task<T> RunAsync<T>(FakeTimeProvider clock, Task<T> task, TimeSpan step)
    {
        for (var i = 0; i < MaxSteps && !task.IsCompleted; i++)
        {
            await Task.WhenAny(task, Task.Delay(2, TestContext.Current.CancellationToken));
            if (!task.IsCompleted)
            {
                clock.Advance(step);
            }
        }
        return await task;
    }
}
