using Crawler.Worker.Exporting;
using Crawler.Worker.Pipeline;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Jobs;

/// <summary>Refuses a stage schedule or export schedule that is not a cron expression, or names no stage.</summary>
public sealed class ScheduleValidator : IValidateOptions<PipelineOptions>, IValidateOptions<ExportOptions>
{
    public ValidateOptionsResult Validate(string? name, PipelineOptions options)
    {
        var failures = new List<string>();
        foreach (var (stage, cron) in options.Schedules)
        {
            if (!StageNames.InOrder.Contains(stage))
            {
                failures.Add($"{PipelineOptions.Section}:Schedules:{stage}: no stage has this name; stages: {string.Join(", ", StageNames.InOrder)}");
            }
            else if (!options.IsPaused(stage) && CronSchedule.Problem(cron) is { } problem)
            {
                failures.Add($"{PipelineOptions.Section}:Schedules:{stage}: {problem}");
            }
        }
        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }

    public ValidateOptionsResult Validate(string? name, ExportOptions options) =>
        CronSchedule.Problem(options.Cron) is { } problem
            ? ValidateOptionsResult.Fail($"{ExportOptions.Section}:Cron: {problem}")
            : ValidateOptionsResult.Success;
}
