using Crawler.Dedup.Comparison;

namespace Crawler.Dedup.Decisions;

/// <summary>The thresholds of a pair's verdict; the defaults are the measured ones (<see cref="MeasuredThresholds"/>).</summary>
/// <param name="NearDuplicate">Embedding similarity at or above which two edits may be the same picture.</param>
/// <param name="UnrelatedBelow">An edit less similar than this to its original may share nothing with it...</param>
/// <param name="UnrelatedStructureBelow">... if its edges also correlate with the original's less than this.</param>
/// <param name="NoOpMaxBlockDifference">Largest block colour shift (0-255) that is still re-encoding noise.</param>
public sealed record PairThresholds(
    double NearDuplicate = MeasuredThresholds.NearDuplicate,
    double UnrelatedBelow = MeasuredThresholds.Unrelated,
    double UnrelatedStructureBelow = MeasuredThresholds.UnrelatedStructure,
    double NoOpMaxBlockDifference = MeasuredThresholds.NoOpBlockDifference);
