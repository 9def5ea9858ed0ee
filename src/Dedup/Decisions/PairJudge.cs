using System.Globalization;
using Crawler.Dedup.Comparison;
using Crawler.Dedup.Embedding;

namespace Crawler.Dedup.Decisions;

/// <summary>
/// Decides whether a candidate pair is kept, from its evidence alone: its original must not be a repost of
/// an earlier thread's, its edit must be related to the original yet really change its pixels, and it must
/// not repeat a better-ranked edit of the same thread. Each rejection says why, with the scores behind it.
/// </summary>
public sealed class PairJudge(PairThresholds thresholds)
{
    public PairVerdict Judge(PairEvidence evidence)
    {
        var (original, edit, cluster) = (evidence.Original, evidence.Edit, evidence.Cluster);
        if (original.Sha256 == edit.Sha256)
        {
            return PairVerdict.Reject("no-op: the edit is byte-identical to the original", 1.0, 0.0, null);
        }
        var similarity = VectorMath.Dot(original.Vector, edit.Vector);
        if (evidence.RepostOf is { } owner)
        {
            return PairVerdict.Reject($"repost: the original was first posted in thread {owner}", similarity, null, cluster);
        }
        // A far embedding alone is not enough: a recoloured or stylised edit moves it a lot but keeps the original's edges.
        if (similarity < thresholds.UnrelatedBelow && StructureSimilarity.Of(original.Bytes, edit.Bytes) is var structure && structure < thresholds.UnrelatedStructureBelow)
        {
            return PairVerdict.Reject(Invariant($"unrelated: similarity {similarity:0.000} to the original is under {thresholds.UnrelatedBelow:0.000} and its edges correlate {structure:0.000} (under {thresholds.UnrelatedStructureBelow:0.000})"), similarity, null, cluster);
        }
        var difference = PixelDifference.MaxBlockDifference(original.Bytes, edit.Bytes);
        if (difference <= thresholds.NoOpMaxBlockDifference)
        {
            return PairVerdict.Reject(Invariant($"no-op: no block's mean colour shifts by more than {difference:0.0}/255 (limit {thresholds.NoOpMaxBlockDifference:0.0})"), similarity, difference, cluster);
        }
        if (BetterDuplicate(edit, evidence.Rivals) is { } better)
        {
            return PairVerdict.Reject($"duplicate of edit {better}", similarity, difference, cluster);
        }
        return PairVerdict.Accept(similarity, difference, cluster);
    }

    /// <summary>
    /// A better-ranked edit that is the same picture: the same bytes, or close in embedding space and, since two
    /// different small edits of one photo are close too, equal in pixels up to re-encoding.
    /// </summary>
    private string? BetterDuplicate(JudgedImage edit, IReadOnlyList<RivalEdit> rivals) => rivals.FirstOrDefault(rival =>
        rival.Sha256 == edit.Sha256
        || (rival.Vector is { } vector && VectorMath.Dot(vector, edit.Vector) >= thresholds.NearDuplicate
            && PixelDifference.MaxBlockDifference(rival.Bytes(), edit.Bytes) <= thresholds.NoOpMaxBlockDifference))?.PairId;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
