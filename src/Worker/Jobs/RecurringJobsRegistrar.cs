using Crawler.Worker.Exporting;
using Crawler.Worker.Hosting;
using Crawler.Worker.Pipeline;
using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Jobs;

/// <summary>
/// Prepares the catalog, then registers one recurring job per stage, the export and a reparse that runs only when triggered, all from one place, and
/// queues a run now of every stage with work due: a restarted service carries on at once, not at the next
/// tick. Runs before the Hangfire server starts, so no job sees an unmigrated catalog.
/// </summary>
public sealed class RecurringJobsRegistrar(
    CatalogInitializer catalog,
    IRecurringJobManager jobs,
    IOptions<PipelineOptions> pipeline,
    IOptions<ExportOptions> export,
    DueStageTrigger trigger) : IHostedService
{
    private const string EveryMinute = "* * * * *";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await catalog.InitializeAsync(cancellationToken);
        foreach (var stage in StageNames.InOrder)
        {
            if (pipeline.Value.IsPaused(stage))
            {
                jobs.RemoveIfExists($"stage-{stage}");
                continue;
            }
            var cron = pipeline.Value.Schedules.GetValueOrDefault(stage, EveryMinute);
            jobs.AddOrUpdate<StageJob>($"stage-{stage}", job => job.RunAsync(stage, CancellationToken.None), cron);
        }
        jobs.AddOrUpdate<ExportJob>("export", job => job.RunAsync(CancellationToken.None), export.Value.Cron);
        jobs.AddOrUpdate<ReparseJob>(ReparseJob.Id, job => job.RunAsync(null, null, CancellationToken.None), Cron.Never());
        await trigger.QueueDueStagesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
