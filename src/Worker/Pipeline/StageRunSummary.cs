namespace Crawler.Worker.Pipeline;

/// <summary>What one run of a stage did.</summary>
public sealed record StageRunSummary(string Stage, int Done, int Retried, int Deferred, int Failed)
{
    public int Handled => Done + Retried + Deferred + Failed;
}
