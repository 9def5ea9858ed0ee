using Crawler.Worker.Catalog.Work;
using Crawler.Worker.Catalog;
using Crawler.Rewrite;
using Crawler.Worker.Catalog.Migrations;
using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Pipeline;
using Crawler.Worker.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Pipeline;

/// <summary>
/// Makes the catalog ready before any stage runs: takes the data-directory lock, migrates the schema,
/// frees leases a killed predecessor left, lifts sources' layout pauses, and queues discovery for every enabled source and rewriting
/// for every accepted pair whose instruction is missing or not from the configured rewriter.
/// </summary>
public sealed class CatalogInitializer(
    MigrationRunner migrations,
    WorkQueue queue,
    IOptions<StorageOptions> storage,
    IOptionsMonitor<SourcesOptions> sources,
    RewriteStore rewrites,
    SourcePauseStore pauses,
    InstructionRewriters rewriters,
    ILogger<CatalogInitializer> log) : IDisposable
{
    private DataDirLock? _lock;

    public async Task InitializeAsync(CancellationToken ct)
    {
        if (_lock is not null)
        {
            return;
        }
        Directory.CreateDirectory(storage.Value.DataDir);
        _lock = DataDirLock.Acquire(storage.Value.DataDir);
        await migrations.MigrateAsync(ct);
        await queue.ReleaseAllLeasesAsync(ct);
        // A restart is how an operator says the site file is fixed: paused sources run again, and pause again
        // after as many failures in a row if it is not.
        foreach (var (source, reason) in await pauses.ClearAsync(ct))
        {
            log.LogInformation("Source {Source} resumes after a restart; it was paused: {Reason}", source, reason);
        }
        var enabled = sources.CurrentValue.Items.Where(s => s.Enabled).Select(s => (s.Name, ""));
        await queue.EnqueueAsync(StageNames.Discover, enabled, ct: ct);
        foreach (var (kind, rewriter) in rewriters.ByKind)
        {
            var stale = await rewrites.StalePairsAsync(rewriter.Model, rewriter.PromptVersion, ct, kind);
            await queue.EnqueueAsync(StageNames.Rewrite, stale.Select(id => (id, id)), ct: ct);
        }
    }

    public void Dispose() => _lock?.Dispose();
}
