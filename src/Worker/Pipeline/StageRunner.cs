using Crawler.Worker.Catalog.Work;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Pipeline;

/// <summary>
/// Runs a stage: claims due batches, hands them to the stage's handler and records each outcome, until
/// nothing is due, the time budget is spent, or shutdown. Shared by the Hangfire jobs and the demo.
/// </summary>
public sealed class StageRunner(
    IEnumerable<IStageHandler> handlers,
    WorkQueue queue,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<StageRunner> logger)
{
    private readonly Dictionary<string, IStageHandler> _handlers = handlers.ToDictionary(h => h.Stage);

    public IReadOnlyCollection<string> Stages => _handlers.Keys;

    /// <param name="progress">Called after each batch with the running summary.</param>
    public async Task<StageRunSummary> RunAsync(string stage, TimeSpan? budget, CancellationToken ct, Action<StageRunSummary>? progress = null)
    {
        var handler = _handlers.TryGetValue(stage, out var h) ? h : throw new ArgumentException($"No stage named '{stage}'.", nameof(stage));
        var settings = options.Value;
        var started = time.GetTimestamp();
        var summary = new StageRunSummary(stage, 0, 0, 0, 0);
        while (!ct.IsCancellationRequested && (budget is null || time.GetElapsedTime(started) < budget))
        {
            var batch = await queue.ClaimAsync(stage, handler.BatchSize, TimeSpan.FromSeconds(settings.LeaseSeconds), ct);
            if (batch.Count == 0)
            {
                break;
            }
            IReadOnlyList<StageOutcome> outcomes;
            try
            {
                outcomes = await handler.HandleAsync(batch, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                await ReleaseAsync(batch);
                throw;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Stage {Stage} failed a whole batch of {Count}", stage, batch.Count);
                outcomes = batch.Select(_ => FailureClassifier.Classify(e)).ToList();
            }
            for (var i = 0; i < batch.Count; i++)
            {
                summary = await RecordAsync(handler, batch[i], outcomes[i], summary, settings);
            }
            progress?.Invoke(summary);
        }
        if (summary.Handled > 0)
        {
            logger.LogInformation("Stage {Stage}: {Done} done, {Retried} to retry, {Deferred} deferred, {Failed} failed",
                stage, summary.Done, summary.Retried, summary.Deferred, summary.Failed);
        }
        return summary;
    }

    // Outcomes are recorded even during shutdown: the work is already done.
    private async Task<StageRunSummary> RecordAsync(IStageHandler handler, WorkItem item, StageOutcome outcome, StageRunSummary summary, PipelineOptions settings)
    {
        switch (outcome)
        {
            case StageOutcome.Completed:
                await queue.CompleteAsync(item, CancellationToken.None);
                return summary with { Done = summary.Done + 1 };
            case StageOutcome.Waiting wait:
                await queue.DeferAsync(item, wait.Reason, time.GetUtcNow() + wait.Delay, CancellationToken.None);
                return summary with { Deferred = summary.Deferred + 1 };
            case StageOutcome.Retry retry when item.Attempts + 1 < settings.MaxAttempts:
                var backoff = Backoff(item.Attempts, settings);
                await queue.RetryAsync(item, retry.Reason, time.GetUtcNow() + (retry.After > backoff ? retry.After.Value : backoff), CancellationToken.None);
                logger.LogWarning("Stage {Stage} will retry {Item}: {Reason}", item.Stage, item.ItemKey, retry.Reason);
                return summary with { Retried = summary.Retried + 1 };
            case StageOutcome.Retry retry:
                return await GiveUpAsync(handler, item, $"gave up after {item.Attempts + 1} attempts: {retry.Reason}", summary);
            case StageOutcome.Permanent failure:
                return await GiveUpAsync(handler, item, failure.Reason, summary);
            default:
                throw new InvalidOperationException($"Unknown outcome {outcome}");
        }
    }

    private async Task<StageRunSummary> GiveUpAsync(IStageHandler handler, WorkItem item, string reason, StageRunSummary summary)
    {
        await handler.RecordGiveUpAsync(item, reason, CancellationToken.None);
        await queue.FailAsync(item, reason, CancellationToken.None);
        logger.LogWarning("Stage {Stage} gave up on {Item}: {Reason}", item.Stage, item.ItemKey, reason);
        return summary with { Failed = summary.Failed + 1 };
    }

    private async Task ReleaseAsync(IEnumerable<WorkItem> batch)
    {
        foreach (var item in batch)
        {
            await queue.ReleaseAsync(item, CancellationToken.None);
        }
    }

    /// <summary>Exponential backoff with full jitter between half and all of the nominal delay.</summary>
    private static TimeSpan Backoff(int attempts, PipelineOptions settings)
    {
        var nominal = Math.Min(settings.MaxRetryDelaySeconds, settings.RetryDelaySeconds * Math.Pow(2, attempts));
        return TimeSpan.FromSeconds(nominal * (0.5 + (Random.Shared.NextDouble() * 0.5)));
    }
}
