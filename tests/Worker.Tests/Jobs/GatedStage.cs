using Crawler.Worker.Catalog.Work;
using Crawler.Worker.Pipeline;

namespace Crawler.Worker.Tests.Jobs;

/// <summary>
/// A stage that counts its runs in flight and, if told to, hands each item it finishes to another stage.
/// The two stages of its <see cref="StageMeeting"/> wait (up to a limit) until both are inside at once.
/// </summary>
internal sealed class GatedStage(string stage, StageMeeting meeting, WorkQueue queue, string? feeds = null) : IStageHandler
{
    private int _inside;

    public string Stage => stage;

    public int BatchSize => 1;

    /// <summary>The most runs of this stage seen inside at once.</summary>
    public int MostAtOnce { get; private set; }

    public int Handled { get; private set; }

    /// <summary>When this stage finished its first item, and its latest.</summary>
    public DateTime? FirstDone { get; private set; }

    public DateTime? LastDone { get; private set; }

    public async Task<IReadOnlyList<StageOutcome>> HandleAsync(IReadOnlyList<WorkItem> batch, CancellationToken ct)
    {
        var now = Interlocked.Increment(ref _inside);
        MostAtOnce = Math.Max(MostAtOnce, now);
        try
        {
            await meeting.ArriveAsync(stage);
            if (feeds is not null)
            {
                await queue.EnqueueAsync(feeds, batch.Select(i => (i.ItemKey, i.SortKey)), ct: ct);
            }
            Handled += batch.Count;
            FirstDone ??= DateTime.UtcNow;
            LastDone = DateTime.UtcNow;
            return batch.Select(_ => StageOutcome.Done).ToList();
        }
        finally
        {
            Interlocked.Decrement(ref _inside);
        }
    }

    public Task RecordGiveUpAsync(WorkItem item, string reason, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>Two named stages meet: each waits, up to a limit, until the other has arrived too.</summary>
internal sealed class StageMeeting(string first, string second)
{
    private readonly TaskCompletionSource _firstArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _secondArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Whether the two stages were ever inside at the same time.</summary>
    public bool Met => _firstArrived.Task.IsCompleted && _secondArrived.Task.IsCompleted;

    public async Task ArriveAsync(string stage)
    {
        if (stage == first)
        {
            _firstArrived.TrySetResult();
            await Task.WhenAny(_secondArrived.Task, Task.Delay(TimeSpan.FromSeconds(10)));
        }
        else if (stage == second)
        {
            _secondArrived.TrySetResult();
            await Task.WhenAny(_firstArrived.Task, Task.Delay(TimeSpan.FromSeconds(10)));
        }
        // Every item takes a moment, so that a second run of the same stage would overlap if it were allowed to.
        await Task.Delay(100);
    }
}
