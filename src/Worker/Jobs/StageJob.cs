using Crawler.Worker.Pipeline;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Jobs;

/// <summary>
/// The Hangfire job of a pipeline stage. The catalog is the source of truth, so the job has no retries of
/// its own: items it did not finish stay pending for the next run. Stages run side by side, each one at most
/// once at a time: a run that finds its stage busy ends at once, quietly. The stages a run feeds are queued as
/// their work comes due, while it runs, and a run that leaves work due queues the next runs straight away.
/// </summary>
public sealed class StageJob(StageRunner runner, StageLocks locks, DueStageTrigger trigger, IOptions<PipelineOptions> options)
{
    /// <summary>What a run that found its stage busy returns.</summary>
    public const string Busy = "skipped: a run of this stage is in progress";

    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    [JobDisplayName("stage {0}")]
    public async Task<string> RunAsync(string stage, CancellationToken ct)
    {
        trigger.Started(stage);
        StageRunSummary summary;
        using (var held = locks.TryEnter($"stage:{stage}"))
        {
            if (held is null)
            {
                return Busy;
            }
            using var running = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var feeding = trigger.FeedWhileRunningAsync(stage, running.Token);
            try
            {
                summary = await runner.RunAsync(stage, TimeSpan.FromSeconds(options.Value.RunBudgetSeconds), ct);
            }
            finally
            {
                await running.CancelAsync();
                await feeding;
            }
        }
        await trigger.QueueDueStagesAsync(ct);
        return $"{summary.Done} done, {summary.Retried} to retry, {summary.Deferred} deferred, {summary.Failed} failed";
    }
}
