using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Crawler.Core.Text;
using Crawler.Export;
using Crawler.Worker.Blobs;
using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Hosting;
using Crawler.Worker.Pipeline.Stages;
using Crawler.Worker.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Exporting;

/// <summary>Turns the catalog's exportable pairs into a published snapshot and remembers what it held.</summary>
public sealed class SnapshotExporter(
    ExportStore store,
    BlobStore blobs,
    UserHasher hasher,
    IOptions<ExportOptions> export,
    IOptions<StorageOptions> storage,
    IOptions<DedupOptions> dedup,
    IOptions<ImageQualityOptions> quality,
    Rewrite.IInstructionRewriter rewriter,
    TimeProvider time,
    ILogger<SnapshotExporter> logger)
{
    public string SnapshotsRoot => export.Value.SnapshotsDir ?? Path.Combine(storage.Value.DataDir, "snapshots");

    public async Task<PublishedSnapshot> ExportAsync(CancellationToken ct)
    {
        var settings = export.Value;
        var publisher = new SnapshotPublisher(new SnapshotSettings(settings.RowGroupRows, settings.ShardBytes, settings.TestShare, settings.Keep), time);
        var previous = await store.LatestSnapshotAsync(ct);
        var request = new SnapshotRequest(previous, await store.ExportedIdsAsync(ct), ConfigHash(), CodeVersion(), settings.LicenceNotes);
        var published = await publisher.PublishAsync(SnapshotsRoot, RowsAsync(ct), request, ct);
        await store.RecordSnapshotAsync(published.Manifest.SnapshotId, published.Path, previous, published.Ids, ct);
        logger.LogInformation("Snapshot {Snapshot}: {Rows} rows, {Removed} removed since {Previous}",
            published.Manifest.SnapshotId, published.Manifest.Rows, published.Manifest.RemovedIds.Count, previous ?? "(none)");
        return published;
    }

    private async IAsyncEnumerable<ExportRow> RowsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var hash = await hasher.CreateAsync(ct);
        await foreach (var c in store.CandidatesAsync(ct))
        {
            var threadUrl = c.ThreadUrl ?? "";
            yield return new ExportRow
            {
                Id = c.PairId,
                Source = new ExportImage(await blobs.GetAsync(c.SourceSha, ct), ImagePath(c.SourceSha, c.SourceFormat), c.SourceSha, c.SourceWidth, c.SourceHeight),
                Target = new ExportImage(await blobs.GetAsync(c.TargetSha, ct), ImagePath(c.TargetSha, c.TargetFormat), c.TargetSha, c.TargetWidth, c.TargetHeight),
                Instruction = c.Instruction,
                RawRequest = c.RequestText,
                EditType = c.EditType,
                RewriteModel = c.RewriteModel,
                Site = c.Site,
                Community = c.Community,
                ThreadUrl = threadUrl,
                ReplyUrl = threadUrl.Length == 0 ? "" : SiteAdapters.ForSite(c.Site).ReplyUrl(threadUrl, c.ReplyId),
                CreatedUtc = c.CreatedUtc,
                EditScore = c.Score,
                AcceptedByRequester = c.Accepted,
                Nsfw = c.Nsfw,
                RequesterHash = hash(c.Requester),
                EditorHash = hash(c.Editor),
                Similarity = (float)(c.Similarity ?? 0),
                DedupCluster = c.Cluster ?? c.SourceSha,
            };
        }
    }

    /// <summary>A file name made of the hash only; the extension lets tools guess the type.</summary>
    private static string ImagePath(string sha, string format) => $"{sha}.{(format == "jpeg" ? "jpg" : format)}";

    /// <summary>Hashes the settings that shape a snapshot's content, so two snapshots can be told apart by how they were made.</summary>
    private string ConfigHash() => Sha256Hex.Of(JsonSerializer.Serialize(new
    {
        export.Value.TestShare,
        dedup = dedup.Value,
        quality = quality.Value,
        rewriter = new { rewriter.Model, rewriter.PromptVersion },
    }));

    private static string CodeVersion() =>
        typeof(SnapshotExporter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
