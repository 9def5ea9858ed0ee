using System.Globalization;
using Crawler.Dedup.Comparison;
using Crawler.Dedup.Embedding;
using Crawler.Dedup.Tests.Evaluation;

namespace Crawler.Bench.Dedup;

/// <summary>
/// <c>bench/run dedup-quality [--photos DIR] [--threshold S,...] [--structure E] [--colour C]
/// [--design Name=value,...;...] [--onnx FILE --size N --mean R,G,B --std R,G,B]</c>: the quality evaluation
/// of the tests, printed in full, ours beside a plain 64-bit pHash. <c>--threshold</c>, <c>--structure</c> and
/// <c>--colour</c> replace the similarity, edge and colour thresholds of <see cref="DuplicateRule.Measured"/>. The result line compares hard-duplicate recall, where the two
/// differ most. <c>--design</c> tries other descriptor parameters; <c>--onnx</c> evaluates a learned model
/// (exported with tools/export-embedding-model.py) to measure its thresholds.
/// </summary>
internal sealed class QualityBenchmark : IBenchmark
{
    public string Name => "dedup-quality";

    public string Description => "precision and recall per variant group on real photos: built-in model vs 64-bit pHash";

    public Task<BenchResult> RunAsync(string[] args, CancellationToken ct)
    {
        var photos = Arguments.Value(args, "--photos") ?? Photos.DefaultFolder;
        var thresholds = (Arguments.Value(args, "--threshold") ?? MeasuredThresholds.NearDuplicate.ToString(CultureInfo.InvariantCulture))
            .Split(',').Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToList();
        var rule = DuplicateRule.Measured with
        {
            Structure = Number(Arguments.Value(args, "--structure")) ?? MeasuredThresholds.DuplicateStructure,
            Colour = Number(Arguments.Value(args, "--colour")) ?? MeasuredThresholds.DuplicateColour,
        };
        var models = Arguments.Value(args, "--onnx") is { } onnx
            ? [EmbeddingModel.FromFile(Path.GetFileName(onnx), onnx, int.Parse(Arguments.Value(args, "--size") ?? "224", CultureInfo.InvariantCulture),
                Floats(Arguments.Value(args, "--mean") ?? "0.485,0.456,0.406"), Floats(Arguments.Value(args, "--std") ?? "0.229,0.224,0.225"), null, null)]
            : Arguments.Value(args, "--design") is { } designs
                ? designs.Split(';').Select(d => PerceptualModel.Create(DesignFrom(d), $"trial {d}")).ToList()
                : [PerceptualModel.Create()];
        var set = EvaluationSet.Build(photos);
        Console.WriteLine($"{set.Images.Count} images from {photos}");
        QualityReport? last = null;
        foreach (var model in models)
        {
            using var embedder = new OnnxEmbedder(EmbeddingSessionFactory.Create(model, ProviderRequest.CpuOnly()), new EmbedderSettings(DecodeThreads: Environment.ProcessorCount));
            foreach (var threshold in thresholds)
            {
                last = new QualityEvaluation(set, rule with { Similarity = threshold }, MeasuredThresholds.Unrelated, MeasuredThresholds.UnrelatedStructure, MeasuredThresholds.NoOpBlockDifference).Run(embedder);
                Console.WriteLine(models.Count * thresholds.Count > 1 ? $"{last.Ours.Row()} false {last.Ours.FalseMatches}, closest other {last.ClosestDifferentPhotos:0.000}, {string.Join(", ", last.Ours.ByChange.Select(c => $"{c.Key} {c.Value:0.00}"))}" : last.ToString());
            }
        }
        return Task.FromResult(new BenchResult(last!.Ours.HardRecall, last.PHash.HardRecall, "hard-duplicate-recall"));
    }

    private static double? Number(string? text) => text is null ? null : double.Parse(text, CultureInfo.InvariantCulture);

    private static float[] Floats(string text) => [.. text.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture))];

    private static PerceptualDesign DesignFrom(string text)
    {
        var design = new PerceptualDesign();
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = (pair.Split('=')[0], pair.Split('=')[1]);
            design = name switch
            {
                nameof(PerceptualDesign.Side) => design with { Side = int.Parse(value, CultureInfo.InvariantCulture) },
                nameof(PerceptualDesign.LumaBand) => design with { LumaBand = int.Parse(value, CultureInfo.InvariantCulture) },
                nameof(PerceptualDesign.ColourBand) => design with { ColourBand = int.Parse(value, CultureInfo.InvariantCulture) },
                nameof(PerceptualDesign.ColourWeight) => design with { ColourWeight = float.Parse(value, CultureInfo.InvariantCulture) },
                nameof(PerceptualDesign.ColourDcWeight) => design with { ColourDcWeight = float.Parse(value, CultureInfo.InvariantCulture) },
                nameof(PerceptualDesign.FrequencyExponent) => design with { FrequencyExponent = float.Parse(value, CultureInfo.InvariantCulture) },
                nameof(PerceptualDesign.MirrorSharpness) => design with { MirrorSharpness = float.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"no design parameter {name}"),
            };
        }
        return design;
    }
}
