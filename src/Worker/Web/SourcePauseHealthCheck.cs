using Crawler.Worker.Catalog.Stores;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crawler.Worker.Web;

/// <summary>Degraded while a source is paused (its layout changed): the service runs, but that source is not crawled.</summary>
public sealed class SourcePauseHealthCheck(SourcePauseStore pauses) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var paused = await pauses.PausedAsync(cancellationToken);
        return paused.Count == 0
            ? HealthCheckResult.Healthy("no source paused")
            : HealthCheckResult.Degraded(string.Join("; ", paused.Select(p => $"source {p.Key} paused: {p.Value}")));
    }
}
