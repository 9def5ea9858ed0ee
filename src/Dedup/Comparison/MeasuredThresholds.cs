namespace Crawler.Dedup.Comparison;

/// <summary>
/// The decision thresholds for the built-in model, as measured by the quality evaluation
/// (tests/Dedup.Tests/Evaluation, README "Dedup quality"); the service's defaults.
/// </summary>
public static class MeasuredThresholds
{
    /// <summary>Similarity at or above which two images are the same picture (reposts, the same edit twice).</summary>
    public const double NearDuplicate = 0.88;

    /// <summary>An edit whose similarity to its original is below this shares nothing with it.</summary>
    public const double Unrelated = 0.5;

    /// <summary>
    /// Two images whose embeddings are near-duplicates are the same picture only if their registered edge maps
    /// correlate at least this much. Every duplicate and hard duplicate of the evaluation reaches 0.775 (a caption
    /// on a plain facade), no pair of different photos more than 0.66; pictures of one layout go higher, and
    /// colour (below) keeps them apart.
    /// </summary>
    public const double DuplicateStructure = 0.7;

    /// <summary>
    /// ... and only if, so aligned, at least this share of the picture keeps its colour: one layout with another
    /// ground or other objects lines its edges up too, but not its colours. Duplicates and hard duplicates keep
    /// 0.898 or more; large edits 0.76 at most, the demo's different scenes of one layout 0.82.
    /// </summary>
    public const double DuplicateColour = 0.85;

    /// <summary>An edit below <see cref="Unrelated"/> is only unrelated when its edges also correlate with the original's less than this.</summary>
    public const double UnrelatedStructure = 0.3;

    /// <summary>The largest block difference (0-255) that is still re-encoding noise.</summary>
    public const double NoOpBlockDifference = 22.0;
}
