using Crawler.Worker.Catalog;
using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crawler.Worker.Web;

/// <summary>Healthy when the catalog answers a query.</summary>
public sealed class CatalogHealthCheck(ICatalogDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await db.OpenAsync(cancellationToken);
            var version = await connection.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
            return HealthCheckResult.Healthy($"catalog schema version {version}");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("catalog unreachable", e);
        }
    }
}
