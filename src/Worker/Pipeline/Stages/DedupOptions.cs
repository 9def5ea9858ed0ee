using System.ComponentModel.DataAnnotations;
using Crawler.Dedup.Comparison;
using Crawler.Dedup.Decisions;

namespace Crawler.Worker.Pipeline.Stages;

/// <summary>Thresholds of the dedup and pair-sanity decisions; bound from <c>Dedup</c>.</summary>
public sealed class DedupOptions
{
    public const string Section = "Dedup";

    /// <summary>Embedding similarity at or above which two images are near-duplicates (reposts, the same edit twice).</summary>
    [Range(0.0, 1.0)]
    public double NearDuplicateSimilarity { get; set; } = MeasuredThresholds.NearDuplicate;

    /// <summary>
    /// Originals near in embedding are one picture (a repost) only if their edge maps, registered over crops,
    /// mirroring and small rotations, correlate at least this much.
    /// </summary>
    [Range(-1.0, 1.0)]
    public double DuplicateStructureAbove { get; set; } = MeasuredThresholds.DuplicateStructure;

    /// <summary>
    /// ... and only if, so aligned, at least this share of the picture keeps its colour (blocks within 12 delta E):
    /// one layout with another ground or other objects lines up its edges, not its colours.
    /// </summary>
    [Range(0.0, 1.0)]
    public double DuplicateColourAbove { get; set; } = MeasuredThresholds.DuplicateColour;

    /// <summary>An edit whose similarity to its original is below this shares nothing with it (a meme, a wrong pairing).</summary>
    [Range(-1.0, 1.0)]
    public double UnrelatedBelow { get; set; } = MeasuredThresholds.Unrelated;

    /// <summary>An edit under <see cref="UnrelatedBelow"/> is unrelated only if its edge map also correlates with the original's below this.</summary>
    [Range(-1.0, 1.0)]
    public double UnrelatedStructureBelow { get; set; } = MeasuredThresholds.UnrelatedStructure;

    /// <summary>
    /// Largest shift (0-255) of any 4x4 block's mean colour, at up to 256 px, that still counts as
    /// re-encoding noise: an edit that shifts no block more than this is a no-op.
    /// </summary>
    [Range(0.0, 255.0)]
    public double NoOpMaxBlockDifference { get; set; } = MeasuredThresholds.NoOpBlockDifference;

    /// <summary>When two originals are the same picture, as these settings say.</summary>
    public DuplicateRule DuplicateRule() => new(NearDuplicateSimilarity, DuplicateStructureAbove, DuplicateColourAbove);

    /// <summary>What a pair's verdict weighs, as these settings say.</summary>
    public PairThresholds Thresholds() => new(NearDuplicateSimilarity, UnrelatedBelow, UnrelatedStructureBelow, NoOpMaxBlockDifference);
}
