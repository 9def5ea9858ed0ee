using Crawler.Worker.Catalog.Work;
namespace Crawler.Worker.Pipeline;

/// <summary>One pipeline stage: handles batches of its work items and says what became of each.</summary>
public interface IStageHandler
{
    string Stage { get; }

    /// <summary>Items claimed at once; large for cheap work, small for slow network work.</summary>
    int BatchSize { get; }

    /// <summary>One outcome per item, in order. Writes must be idempotent upserts: a crash repeats the batch.</summary>
    Task<IReadOnlyList<StageOutcome>> HandleAsync(IReadOnlyList<WorkItem> batch, CancellationToken ct);

    /// <summary>Records on the stage's own catalog rows that an item was given up on, so the reason is visible there.</summary>
    Task RecordGiveUpAsync(WorkItem item, string reason, CancellationToken ct);
}
