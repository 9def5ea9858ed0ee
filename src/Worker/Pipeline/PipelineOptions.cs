using System.ComponentModel.DataAnnotations;

namespace Crawler.Worker.Pipeline;

/// <summary>How stages claim and retry work; bound from <c>Pipeline</c>.</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>Attempts before a transiently failing item is given up on.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First retry delay; doubled per attempt, with jitter, up to <see cref="MaxRetryDelaySeconds"/>.</summary>
    [Range(1, 86_400)]
    public int RetryDelaySeconds { get; set; } = 60;

    [Range(1, 604_800)]
    public int MaxRetryDelaySeconds { get; set; } = 6 * 3600;

    /// <summary>How long a claimed batch stays leased; a dead worker's batch is retaken after this.</summary>
    [Range(10, 86_400)]
    public int LeaseSeconds { get; set; } = 600;

    /// <summary>How long one scheduled run of a stage keeps claiming batches before it yields.</summary>
    [Range(1, 3600)]
    public int RunBudgetSeconds { get; set; } = 50;

    /// <summary>The schedule that pauses a stage: its work waits in the catalog until the stage is scheduled again.</summary>
    public const string Paused = "off";

    /// <summary>
    /// Cron expression per stage (Hangfire syntax), or <c>off</c> to pause the stage; a stage missing here runs
    /// every minute.
    /// </summary>
    public Dictionary<string, string> Schedules { get; set; } = [];

    public bool IsPaused(string stage) =>
        Schedules.TryGetValue(stage, out var cron) && string.Equals(cron.Trim(), Paused, StringComparison.OrdinalIgnoreCase);
}
