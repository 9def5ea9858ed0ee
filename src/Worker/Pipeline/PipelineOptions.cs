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

    /// <summary>Cron expression per stage (Hangfire syntax); a stage missing here runs every minute.</summary>
    public Dictionary<string, string> Schedules { get; set; } = [];
}
