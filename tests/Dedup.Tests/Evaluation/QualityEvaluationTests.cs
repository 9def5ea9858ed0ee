using Crawler.Dedup.Comparison;
using Crawler.Dedup.Embedding;
using Crawler.TestSupport;

namespace Crawler.Dedup.Tests.Evaluation;

/// <summary>
/// The quality targets, on the real photos of ../shared (skipped without them), ours beside a plain
/// 64-bit pHash in the same run. <c>bench/run dedup-quality</c> prints the same report.
/// </summary>
[SharedFixturesTrait]
public sealed class QualityEvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public void Run_MeetsTheQualityTargets_OnRealPhotosAndTheirVariants()
    {
        var set = EvaluationSet.Build(SharedFixtures.PathOf("images", "opencv-samples"));
        using var embedder = new OnnxEmbedder(EmbeddingSessionFactory.Create(PerceptualModel.Create(), ProviderRequest.CpuOnly()), new EmbedderSettings(DecodeThreads: 2));

        var report = new QualityEvaluation(set, DuplicateRule.Measured,
            MeasuredThresholds.Unrelated, MeasuredThresholds.UnrelatedStructure, MeasuredThresholds.NoOpBlockDifference).Run(embedder);
        output.WriteLine(report.ToString());

        var ours = report.Ours;
        Assert.True(ours.Precision >= 0.99, $"precision {ours.Precision}");
        Assert.True(ours.DuplicateRecall >= 0.95, $"duplicate recall {ours.DuplicateRecall}");
        Assert.True(ours.LargeEditsKeptApart >= 0.9, $"large edits kept apart {ours.LargeEditsKeptApart}");
        Assert.Equal(1.0, ours.SmallEditsKept);
        Assert.True(ours.HardRecall >= 0.8, $"hard recall {ours.HardRecall}");
        // Real edits, small or large, are never dropped as unrelated to their original.
        Assert.Equal(1.0, report.EditsRelated);
        // The baseline runs on the same images: ours must beat it clearly where it is weak.
        Assert.True(ours.HardRecall >= report.PHash.HardRecall + 0.3, $"hard recall {ours.HardRecall} against pHash {report.PHash.HardRecall}");
        Assert.True(ours.LargeEditsKeptApart > report.PHash.LargeEditsKeptApart, $"large edits kept apart {ours.LargeEditsKeptApart} against pHash {report.PHash.LargeEditsKeptApart}");
    }
}
