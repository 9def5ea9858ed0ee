using Crawler.Worker.Exporting;
using Hangfire;

namespace Crawler.Worker.Jobs;

/// <summary>The recurring snapshot export.</summary>
public sealed class ExportJob(SnapshotExporter exporter)
{
    [AutomaticRetry(Attempts = 1)]
    [DisableConcurrentExecution(timeoutInSeconds: 5)]
    [JobDisplayName("export snapshot")]
    public async Task<string> RunAsync(CancellationToken ct)
    {
        var snapshot = await exporter.ExportAsync(ct);
        return $"{snapshot.Manifest.SnapshotId}: {snapshot.Manifest.Rows} rows";
    }
}
