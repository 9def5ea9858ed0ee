using Crawler.Worker.Catalog;
using Crawler.Worker.Images;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Crawler.Core.Text;
using Crawler.Export;
using Crawler.Export.Images;
using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Hosting;
using Crawler.Worker.Pipeline.Sites;
using Crawler.Worker.Pipeline.Stages;
using Crawler.Worker.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Exporting;

/// <summary>
/// Turns the catalog's exportable pairs into a published snapshot: imports the deletions file, drops
/// deleted, opted-out and review-rejected rows, cleans every image, publishes, and records the snapshot
/// in the catalog's history. The snapshot on disk, not the catalog, is the base for removed ids, so a
/// crash between publishing and recording loses nothing.
/// </summary>
public sealed class SnapshotExporter(
    ExportStore store,
    DeletionsFileImporter deletionsFile,
    ExportImagePreparer images,
    SnapshotPublisher publisher,
    UserHasher hasher,
    OptOutStore optOuts,
    SiteDrivers drivers,
    IOptions<ExportOptions> export,
    IOptions<StorageOptions> storage,
    IOptions<DedupOptions> dedup,
    IOptions<ImagesOptions> quality,
    Rewrite.IInstructionRewriter rewriter,
    ILogger<SnapshotExporter> logger)
{
    public string SnapshotsRoot => export.Value.SnapshotsDir ?? Path.Combine(storage.Value.DataDir, "snapshots");

    public async Task<PublishedSnapshot> ExportAsync(CancellationToken ct)
    {
        await deletionsFile.ImportAsync(ct);
        await RecordUnrecordedSnapshotsAsync(ct);
        var deletions = new DeletionSet(await store.DeletionsAsync(ct));
        var request = new SnapshotRequest(ConfigHash(), CodeVersion(), export.Value.LicenceNotes);
        var published = await publisher.PublishAsync(SnapshotsRoot, RowsAsync(deletions, ct), request, ct);
        var manifest = published.Manifest;
        await store.RecordSnapshotAsync(manifest.SnapshotId, published.Path, manifest.Rows, manifest.PreviousSnapshot, ct);
        logger.LogInformation("Snapshot {Snapshot}: {Rows} rows, {Removed} removed since {Previous}, {Reencoded} images re-encoded",
            manifest.SnapshotId, manifest.Rows, manifest.RemovedIds.Count, manifest.PreviousSnapshot ?? "(none)", manifest.ImagesReencoded);
        return published;
    }

    /// <summary>Snapshots published by a run that died before recording them join the history now.</summary>
    private async Task RecordUnrecordedSnapshotsAsync(CancellationToken ct)
    {
        if (!Directory.Exists(SnapshotsRoot))
        {
            return;
        }
        var recorded = await store.RecordedSnapshotsAsync(ct);
        foreach (var id in SnapshotPublisher.PublishedIds(SnapshotsRoot).Where(id => !recorded.Contains(id)))
        {
            var folder = Path.Combine(SnapshotsRoot, id);
            var manifest = await PreviousSnapshot.ReadManifestAsync(folder, ct);
            await store.RecordSnapshotAsync(id, folder, manifest.Rows, manifest.PreviousSnapshot, ct);
        }
    }

    private async IAsyncEnumerable<ExportRow> RowsAsync(DeletionSet deletions, [EnumeratorCancellation] CancellationToken ct)
    {
        var hash = await hasher.CreateAsync(ct);
        var optedOut = await optOuts.HashesAsync(ct);
        var (deleted, unexportable) = (0, 0);
        await foreach (var c in store.CandidatesAsync(ct))
        {
            var threadUrl = c.ThreadUrl ?? "";
            var replyUrl = threadUrl.Length == 0 || drivers.ForSite(c.Site) is not { } adapter ? "" : adapter.ReplyUrl(threadUrl, c.ReplyId);
            // Opted-out users' content crawled after their opt-out was purged is still theirs.
            if (deletions.Covers(c, replyUrl) || optedOut.Contains(hash(c.Requester)) || optedOut.Contains(hash(c.Editor)))
            {
                deleted++;
                continue;
            }
            var (source, sourceFailure) = await images.PrepareAsync(c.SourceSha, c.SourceFormat, c.SourceWidth, c.SourceHeight, c.SourceOrientation, ct);
            var (target, targetFailure) = await images.PrepareAsync(c.TargetSha, c.TargetFormat, c.TargetWidth, c.TargetHeight, c.TargetOrientation, ct);
            if (source is null || target is null)
            {
                unexportable++;
                logger.LogWarning("Pair {Pair} left out of the snapshot: {Reason}", c.PairId, sourceFailure ?? targetFailure);
                continue;
            }
            yield return Row(c, source, target, threadUrl, replyUrl, hash);
        }
        logger.LogInformation("{Deleted} rows left out as deleted or opted out ({Deletions} deletions recorded), {Unexportable} for unusable images",
            deleted, deletions.Count, unexportable);
    }

    private static ExportRow Row(ExportCandidate c, CleanedImage source, CleanedImage target, string threadUrl, string replyUrl, Func<string?, string> hash) => new()
    {
        Id = c.PairId,
        Source = new ExportImage(source, c.SourceSha),
        Target = new ExportImage(target, c.TargetSha),
        Instruction = c.Instruction,
        RawRequest = c.RequestText,
        PairKind = c.Kind,
        EditType = c.EditType,
        RewriteModel = c.RewriteModel,
        Site = c.Site,
        Community = c.Community,
        ThreadUrl = threadUrl,
        ReplyUrl = replyUrl,
        CreatedUtc = c.CreatedUtc,
        EditScore = c.Score,
        AcceptedByRequester = c.Accepted,
        Nsfw = c.Nsfw,
        RequesterHash = hash(c.Requester),
        EditorHash = hash(c.Editor),
        Similarity = (float)(c.Similarity ?? 0),
        // A pair without a cluster has an original seen once: it is its own cluster.
        DedupCluster = c.Cluster ?? c.SourceSha,
    };

    /// <summary>Hashes the settings that shape a snapshot's content, so two snapshots can be told apart by how they were made.</summary>
    private string ConfigHash() => Sha256Hex.Of(JsonSerializer.Serialize(new
    {
        export.Value.TestShare,
        export.Value.LargeImageBytes,
        export.Value.LargeImageQuality,
        export.Value.LargeImageMaxSide,
        cleaner = ImageCleaner.Version,
        dedup = dedup.Value,
        quality = quality.Value,
        rewriter = new { rewriter.Model, rewriter.PromptVersion },
    }));

    private static string CodeVersion() =>
        typeof(SnapshotExporter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
