using Crawler.Worker.Pipeline;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Jobs;

/// <summary>
/// The Hangfire job of a pipeline stage. The catalog is the source of truth, so the job has no retries of
/// its own: items it did not finish stay pending for the next run.
/// </summary>
public sealed class StageJob(StageRunner runner, IOptions<PipelineOptions> options)
{
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    [DisableConcurrentExecution(timeoutInSeconds: 5)]
    [JobDisplayName("stage {0}")]
    public async Task<string> RunAsync(string stage, CancellationToken ct)
    {
        var summary = await runner.RunAsync(stage, TimeSpan.FromSeconds(options.Value.RunBudgetSeconds), ct);
        return $"{summary.Done} done, {summary.Retried} to retry, {summary.Deferred} deferred, {summary.Failed} failed";
    }
}
