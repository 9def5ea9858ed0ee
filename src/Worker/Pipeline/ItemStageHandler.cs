using Crawler.Worker.Catalog.Work;
namespace Crawler.Worker.Pipeline;

/// <summary>
/// A stage that handles items one at a time. An exception from one item becomes that item's outcome
/// (transient for I/O and timeouts, permanent otherwise), so one bad item never stops the batch.
/// </summary>
public abstract class ItemStageHandler : IStageHandler
{
    public abstract string Stage { get; }

    public virtual int BatchSize => 16;

    public async Task<IReadOnlyList<StageOutcome>> HandleAsync(IReadOnlyList<WorkItem> batch, CancellationToken ct)
    {
        var outcomes = new List<StageOutcome>(batch.Count);
        foreach (var item in batch)
        {
            ct.ThrowIfCancellationRequested();
            outcomes.Add(await OutcomeOfAsync(item, ct));
        }
        return outcomes;
    }

    public virtual Task RecordGiveUpAsync(WorkItem item, string reason, CancellationToken ct) => Task.CompletedTask;

    protected abstract Task<StageOutcome> HandleItemAsync(WorkItem item, CancellationToken ct);

    private async Task<StageOutcome> OutcomeOfAsync(WorkItem item, CancellationToken ct)
    {
        try
        {
            return await HandleItemAsync(item, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return FailureClassifier.Classify(e);
        }
    }
}
