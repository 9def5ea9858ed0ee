using Crawler.Worker.Catalog.Work;
using Crawler.Core.Domain;
using Crawler.Dedup.Decisions;
using Crawler.Dedup.Embedding;
using Crawler.Worker.Blobs;
using Crawler.Worker.Catalog.Stores;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Pipeline.Stages;

/// <summary>
/// Gathers the evidence on a candidate pair and stores the <see cref="PairJudge"/>'s verdict: waits until
/// both images are fetched and embedded, rejects a pair whose image failed, places the original in its
/// near-duplicate cluster (close embeddings propose a repost, registration confirms it), hands a thread
/// that lost a cluster to an earlier post back to dedup, and queues an accepted pair for rewriting.
/// </summary>
public sealed class DedupStage(
    PairStore pairs,
    ImageStore images,
    EmbeddingStore embeddings,
    ClusterStore clusters,
    OriginalsIndex originals,
    BlobStore blobs,
    IImageEmbedder embedder,
    WorkQueue queue,
    IOptions<DedupOptions> options) : ItemStageHandler
{
    private static readonly TimeSpan WaitForImages = TimeSpan.FromMinutes(2);

    public override string Stage => StageNames.Dedup;

    public override int BatchSize => 16;

    protected override async Task<StageOutcome> HandleItemAsync(WorkItem item, CancellationToken ct)
    {
        if (await pairs.GetAsync(item.ItemKey, ct) is not { } pair || pair.Status == PairStatus.Dropped)
        {
            return StageOutcome.Done;
        }
        var source = await ResolveAsync(pair.SourceUrl, "original", ct);
        var target = await ResolveAsync(pair.TargetUrl, "edit", ct);
        if ((source.Wait ?? target.Wait) is { } wait)
        {
            return StageOutcome.Defer(WaitForImages, wait);
        }
        if ((source.Rejection ?? target.Rejection) is { } rejection)
        {
            await pairs.DecideAsync(pair.PairId, PairStatus.Rejected, rejection, null, null, null, ct);
            return StageOutcome.Done;
        }
        var verdict = new PairJudge(options.Value.Thresholds()).Judge(await EvidenceAsync(pair, source, target, ct));
        await pairs.DecideAsync(pair.PairId, verdict.Accepted ? PairStatus.Accepted : PairStatus.Rejected, verdict.Reason, verdict.Similarity, verdict.Difference, verdict.Cluster, ct);
        if (verdict.Accepted)
        {
            await queue.EnqueueAsync(StageNames.Rewrite, [(pair.PairId, pair.PairId)], ct: ct);
        }
        return StageOutcome.Done;
    }

    private async Task<PairEvidence> EvidenceAsync(PairRow pair, Resolved source, Resolved target, CancellationToken ct)
    {
        var original = new JudgedImage(source.Sha!, source.Vector!, await blobs.GetAsync(source.Sha!, ct));
        var edit = new JudgedImage(target.Sha!, target.Vector!, await blobs.GetAsync(target.Sha!, ct));
        if (original.Sha256 == edit.Sha256)
        {
            return new PairEvidence(original, edit, null, null, []);
        }
        var (cluster, owner) = await PlaceOriginalAsync(original, ct);
        var thread = pair.Thread.Key;
        return new PairEvidence(original, edit, owner is not null && owner != thread ? owner : null, cluster, await RivalsAsync(pair, ct));
    }

    /// <summary>The original's cluster and the thread that owns it; a thread that owned it before an earlier post turned up goes back to dedup.</summary>
    private async Task<(string Cluster, string? Owner)> PlaceOriginalAsync(JudgedImage original, CancellationToken ct)
    {
        var model = embedder.ModelId;
        var previousOwner = await clusters.ClusterOfAsync(original.Sha256, model, ct) is { } existing
            ? await clusters.OwnerThreadAsync(existing, model, ct)
            : null;
        // Close embeddings propose a repost; registration confirms it, since photos of one layout embed alike.
        // A candidate purged since it was indexed (deleted at the source) is no earlier post any more.
        var rule = options.Value.DuplicateRule();
        var (cluster, _) = await originals.AssignAsync(original.Sha256, original.Vector, model, rule.Similarity,
            async (candidate, token) => blobs.Exists(candidate) ? rule.Confirms(await blobs.GetAsync(candidate, token), original.Bytes) : null, ct);
        var owner = await clusters.OwnerThreadAsync(cluster, model, ct);
        if (previousOwner is not null && previousOwner != owner)
        {
            // An earlier post of the same photo turned up: the former owner's pairs are now reposts.
            await RequeueThreadAsync(ThreadRef.Parse(previousOwner), ct);
        }
        return (cluster, owner);
    }

    /// <summary>The thread's better-ranked edits still in play, each with its stored image and embedding.</summary>
    private async Task<IReadOnlyList<RivalEdit>> RivalsAsync(PairRow pair, CancellationToken ct)
    {
        var rivals = new List<RivalEdit>();
        foreach (var other in await pairs.ForThreadAsync(pair.Thread, ct))
        {
            if (other.PairId == pair.PairId || other.Status == PairStatus.Dropped || other.Rank >= pair.Rank
                || await images.GetUrlAsync(other.TargetUrl, ct) is not { Sha256: { } sha })
            {
                continue;
            }
            rivals.Add(new RivalEdit(other.PairId, sha, await embeddings.GetAsync(sha, embedder.ModelId, ct), () => blobs.Get(sha)));
        }
        return rivals;
    }

    private async Task<Resolved> ResolveAsync(string url, string role, CancellationToken ct)
    {
        var row = await images.GetUrlAsync(url, ct);
        if (row is null || row.Status == ImageStore.Pending)
        {
            return Resolved.Waiting($"waiting for the {role} image to be fetched");
        }
        if (row.Status == ImageStore.Failed || row.Sha256 is null)
        {
            return Resolved.Rejected($"{role} image unavailable: {row.Reason}");
        }
        var image = await images.GetImageAsync(row.Sha256, ct);
        if (image is null || image.Status != ImageStore.Ok)
        {
            return Resolved.Rejected($"{role} image rejected: {image?.Reason ?? "not recorded"}");
        }
        var vector = await embeddings.GetAsync(row.Sha256, embedder.ModelId, ct);
        return vector is null ? Resolved.Waiting($"waiting for the {role} image to be embedded") : new Resolved(row.Sha256, vector, null, null);
    }

    private async Task RequeueThreadAsync(ThreadRef thread, CancellationToken ct)
    {
        var threadPairs = await pairs.ForThreadAsync(thread, ct);
        await queue.EnqueueAsync(StageNames.Dedup, threadPairs.Where(p => p.Status != PairStatus.Dropped).Select(p => (p.PairId, p.PairId)), ct: ct);
    }

    private sealed record Resolved(string? Sha, float[]? Vector, string? Wait, string? Rejection)
    {
        public static Resolved Waiting(string why) => new(null, null, why, null);

        public static Resolved Rejected(string why) => new(null, null, null, why);
    }
}
