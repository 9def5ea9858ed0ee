using System.Collections.Concurrent;
using Crawler.Worker.Catalog.Work;
using Crawler.Worker.Pipeline;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Jobs;

/// <summary>
/// Queues a run now, rather than at the stage's next cron tick, of every stage that has work due: after a run,
/// its own leftovers and what it handed to the next stages. So a backlog drains at full speed, while an idle
/// service only pays for its cron ticks. One run per stage waits in the queue at a time; a paused stage gets none.
/// </summary>
public sealed class DueStageTrigger(IBackgroundJobClient jobs, WorkQueue queue, IOptions<PipelineOptions> options)
{
    private readonly ConcurrentDictionary<string, byte> _queued = new(StringComparer.Ordinal);

    /// <summary>A run of <paramref name="stage"/> has started: a later trigger may queue another.</summary>
    public void Started(string stage) => _queued.TryRemove(stage, out _);

    /// <summary>How often a running stage looks for work it handed on; at most a second of delay per hop.</summary>
    private static readonly TimeSpan FeedInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// While <paramref name="running"/> runs (until <paramref name="ct"/> is cancelled), queues the other stages
    /// as work comes due for them: a run lasts up to its budget, and the stages it feeds must not wait for its end.
    /// </summary>
    public async Task FeedWhileRunningAsync(string running, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(FeedInterval, ct);
                await QueueDueStagesAsync(ct, except: running);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // the run is over; the job queues what is due once more itself
        }
    }

    public async Task QueueDueStagesAsync(CancellationToken ct, string? except = null)
    {
        foreach (var stage in StageNames.InOrder)
        {
            if (stage != except && !options.Value.IsPaused(stage) && !_queued.ContainsKey(stage) && await queue.CountDueAsync(stage, ct) > 0 && _queued.TryAdd(stage, 0))
            {
                jobs.Enqueue<StageJob>(job => job.RunAsync(stage, CancellationToken.None));
            }
        }
    }
}
