using Crawler.Worker.Catalog.Work;
using System.Globalization;
using Crawler.Dedup.Comparison;
using Crawler.Dedup.Embedding;
using Crawler.Worker.Blobs;
using Crawler.Worker.Catalog.Stores;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Pipeline.Stages;

/// <summary>
/// Decides whether a candidate pair is kept: its images must be good, its original must not be a repost
/// of an earlier thread's, its edit must be related to the original yet really change its pixels, and it
/// must not repeat a better-ranked edit of the same thread. Every decision is stored with its reason and scores.
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
            return await RejectAsync(pair, rejection, null, null, null, ct);
        }
        if (source.Sha == target.Sha)
        {
            return await RejectAsync(pair, "no-op: the edit is byte-identical to the original", 1.0, 0.0, null, ct);
        }
        return await DecideAsync(pair, source.Sha!, source.Vector!, target.Sha!, target.Vector!, ct);
    }

    private async Task<StageOutcome> DecideAsync(PairRow pair, string sourceSha, float[] sourceVector, string targetSha, float[] targetVector, CancellationToken ct)
    {
        var settings = options.Value;
        var model = embedder.ModelId;
        var previousOwner = await clusters.ClusterOfAsync(sourceSha, model, ct) is { } existing
            ? await clusters.OwnerThreadAsync(existing, model, ct)
            : null;
        var sourceBytes = await blobs.GetAsync(sourceSha, ct);
        // Close embeddings propose a repost; registration confirms it, since photos of one layout embed alike.
        // A candidate purged since it was indexed (deleted at the source) is no earlier post any more.
        var rule = settings.DuplicateRule();
        var (cluster, _) = await originals.AssignAsync(sourceSha, sourceVector, model, rule.Similarity,
            async (candidate, token) => blobs.Exists(candidate) ? rule.Confirms(await blobs.GetAsync(candidate, token), sourceBytes) : null, ct);
        var owner = await clusters.OwnerThreadAsync(cluster, model, ct);
        var thread = ThreadKey.Format(pair.Site, pair.ThreadId);
        if (previousOwner is not null && previousOwner != owner)
        {
            // An earlier post of the same photo turned up: the former owner's pairs are now reposts.
            await RequeueThreadAsync(previousOwner, ct);
        }
        var similarity = VectorMath.Dot(sourceVector, targetVector);
        if (owner is not null && owner != thread)
        {
            return await RejectAsync(pair, $"repost: the original was first posted in thread {owner}", similarity, null, cluster, ct);
        }
        var targetBytes = await blobs.GetAsync(targetSha, ct);
        // A far embedding alone is not enough: a recoloured or stylised edit moves it a lot but keeps the original's edges.
        if (similarity < settings.UnrelatedBelow && StructureSimilarity.Of(sourceBytes, targetBytes) is var structure && structure < settings.UnrelatedStructureBelow)
        {
            return await RejectAsync(pair, Invariant($"unrelated: similarity {similarity:0.000} to the original is under {settings.UnrelatedBelow:0.000} and its edges correlate {structure:0.000} (under {settings.UnrelatedStructureBelow:0.000})"), similarity, null, cluster, ct);
        }
        var difference = PixelDifference.MaxBlockDifference(sourceBytes, targetBytes);
        if (difference <= settings.NoOpMaxBlockDifference)
        {
            return await RejectAsync(pair, Invariant($"no-op: no block's mean colour shifts by more than {difference:0.0}/255 (limit {settings.NoOpMaxBlockDifference:0.0})"), similarity, difference, cluster, ct);
        }
        if (await BetterDuplicateAsync(pair, targetSha, targetVector, ct) is { } better)
        {
            return await RejectAsync(pair, $"duplicate of edit {better}", similarity, difference, cluster, ct);
        }
        await pairs.DecideAsync(pair.PairId, PairStatus.Accepted, null, similarity, difference, cluster, ct);
        await queue.EnqueueAsync(StageNames.Rewrite, [(pair.PairId, pair.PairId)], ct: ct);
        return StageOutcome.Done;
    }

    /// <summary>
    /// A better-ranked edit of the same thread that is the same picture: close in embedding space and,
    /// since two different small edits of one photo are close too, equal in pixels up to re-encoding.
    /// </summary>
    private async Task<string?> BetterDuplicateAsync(PairRow pair, string targetSha, float[] targetVector, CancellationToken ct)
    {
        var settings = options.Value;
        foreach (var other in await pairs.ForThreadAsync(pair.Site, pair.ThreadId, ct))
        {
            if (other.PairId == pair.PairId || other.Status == PairStatus.Dropped || other.Rank >= pair.Rank
                || await images.GetUrlAsync(other.TargetUrl, ct) is not { Sha256: { } otherSha })
            {
                continue;
            }
            if (otherSha == targetSha)
            {
                return other.PairId;
            }
            if (await embeddings.GetAsync(otherSha, embedder.ModelId, ct) is { } vector
                && VectorMath.Dot(vector, targetVector) >= settings.NearDuplicateSimilarity
                && PixelDifference.MaxBlockDifference(await blobs.GetAsync(otherSha, ct), await blobs.GetAsync(targetSha, ct)) <= settings.NoOpMaxBlockDifference)
            {
                return other.PairId;
            }
        }
        return null;
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

    private async Task<StageOutcome> RejectAsync(PairRow pair, string reason, double? similarity, double? difference, string? cluster, CancellationToken ct)
    {
        await pairs.DecideAsync(pair.PairId, PairStatus.Rejected, reason, similarity, difference, cluster, ct);
        return StageOutcome.Done;
    }

    private async Task RequeueThreadAsync(string threadKey, CancellationToken ct)
    {
        var (site, threadId) = ThreadKey.Parse(threadKey);
        var threadPairs = await pairs.ForThreadAsync(site, threadId, ct);
        await queue.EnqueueAsync(StageNames.Dedup, threadPairs.Where(p => p.Status != PairStatus.Dropped).Select(p => (p.PairId, p.PairId)), ct: ct);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Resolved(string? Sha, float[]? Vector, string? Wait, string? Rejection)
    {
        public static Resolved Waiting(string why) => new(null, null, why, null);

        public static Resolved Rejected(string why) => new(null, null, null, why);
    }
}
