using Crawler.Worker.Exporting;
using Hangfire;

namespace Crawler.Worker.Jobs;

/// <summary>The recurring snapshot export: one at a time; a run that finds one in progress ends at once, quietly.</summary>
public sealed class ExportJob(SnapshotExporter exporter, StageLocks locks)
{
    public const string Busy = "skipped: an export is in progress";

    [AutomaticRetry(Attempts = 1)]
    [JobDisplayName("export snapshot")]
    public async Task<string> RunAsync(CancellationToken ct)
    {
        using var held = locks.TryEnter("export");
        if (held is null)
        {
            return Busy;
        }
        var snapshot = await exporter.ExportAsync(ct);
        return $"{snapshot.Manifest.SnapshotId}: {snapshot.Manifest.Rows} rows";
    }
}
