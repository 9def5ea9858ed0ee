using Crawler.Worker.Catalog.Work;
using Crawler.Worker.Pipeline;
using Microsoft.Extensions.Logging;

namespace Crawler.Worker.Demo;

/// <summary>
/// Runs every stage in order until none has due work: the foreground equivalent of the service's
/// recurring jobs, using the same stage runner, so a killed run resumes from the catalog.
/// </summary>
internal sealed class DemoPipeline(StageRunner runner, WorkQueue queue, ILogger<DemoPipeline> logger)
{
    private const int MaxRounds = 20;

    /// <param name="progressOf">A progress bar for a stage's run.</param>
    public async Task RunAsync(Func<string, IProgressBar> progressOf, CancellationToken ct)
    {
        for (var round = 1; round <= MaxRounds; round++)
        {
            var handled = 0;
            foreach (var stage in StageNames.InOrder)
            {
                // The runner ends a stage quietly when cancelled; the demo must not go on to the next one.
                ct.ThrowIfCancellationRequested();
                var due = await queue.CountDueAsync(stage, ct);
                using var progress = progressOf(stage);
                var summary = await runner.RunAsync(stage, budget: null, ct, s => progress.Report(s.Handled, Math.Max(due, s.Handled)));
                handled += summary.Handled;
            }
            if (handled == 0)
            {
                return;
            }
            logger.LogInformation("Demo round {Round}: {Handled} items handled", round, handled);
        }
    }
}
