using System.Globalization;
using System.Text;
using Crawler.Dedup.Comparison;
using Crawler.Dedup.Embedding;

namespace Crawler.Dedup.Tests.Evaluation;

/// <summary>
/// Runs the evaluation: our embedder with its thresholds and pixel filter, and a plain 64-bit pHash, on the
/// same images in the same run.
/// </summary>
public sealed class QualityEvaluation(EvaluationSet set, DuplicateRule duplicates, double unrelated, double unrelatedStructure, double noOp)
{
    public QualityReport Run(IImageEmbedder embedder)
    {
        var images = set.Images;
        var vectors = embedder.Embed([.. images.Select(i => i.Bytes)]);
        var hashes = set.Hashes;
        var differences = set.Differences;
        double Similarity(int a, int b) => VectorMath.Dot(vectors[a], vectors[b]);
        bool Same(int a, int b) => duplicates.Proposes(Similarity(a, b)) && duplicates.Confirms(set.Registered(a, b));
        var original = set.OriginalOf;
        Warm(images, Similarity, original);
        bool Related(int o, int e) => Similarity(o, e) >= unrelated || set.Structure(o, e) >= unrelatedStructure;
        bool KeptAsEdit(int o, int e) => Related(o, e) && differences[e] > noOp;
        var ours = QualityScores.Score($"{embedder.ModelId} (sim {duplicates.Similarity:0.00}, edges {duplicates.Structure:0.00}, colour {duplicates.Colour:0.00})", set, Same, KeptAsEdit);
        var phash = QualityScores.Score($"pHash 64-bit (Hamming <= {PHash.MatchDistance})", set, (a, b) => PHash.Distance(hashes[a], hashes[b]) <= PHash.MatchDistance, null);
        var originals = original.Values.ToList();
        // Each original against the next eight (cyclically): enough pairs of different photos for the rates, at a fraction of the cost.
        var unrelatedPairs = originals.SelectMany((a, k) => Enumerable.Range(1, 8).Select(step => originals[(k + step) % originals.Count])
            .Where(b => EvaluationSet.Unrelated(images[a], images[b])).Select(b => (a, b))).ToList();
        var closest = Enumerable.Range(0, images.Count).SelectMany(a => Enumerable.Range(a + 1, images.Count - a - 1)
            .Where(b => images[a].Group <= VariantGroup.HardDuplicate && images[b].Group <= VariantGroup.HardDuplicate && EvaluationSet.Unrelated(images[a], images[b]))
            .Select(b => Similarity(a, b))).Max();
        var edits = differences.Keys.Where(i => images[i].Group is VariantGroup.LargeEdit or VariantGroup.SmallEdit).ToList();
        var reencodes = differences.Keys.Where(i => images[i].Change is "resized to half" or "JPEG quality 30").ToList();
        var lowestEdit = edits.GroupBy(i => images[i].Change).ToDictionary(g => g.Key, g => g.Min(i => Similarity(original[images[i].Source], i)));
        var spread = unrelatedPairs.Select(p => Similarity(p.a, p.b)).Order().ToList();
        var edgeSpread = unrelatedPairs.Select(p => set.Structure(p.a, p.b)).Order().ToList();
        var lowestEdges = edits.GroupBy(i => images[i].Change).ToDictionary(g => g.Key, g => g.Min(i => set.Structure(original[images[i].Source], i)));
        var distribution = string.Create(CultureInfo.InvariantCulture,
            $"different photos' similarity: 10% {spread[spread.Count / 10]:0.00}, median {spread[spread.Count / 2]:0.00}, 90% {spread[spread.Count * 9 / 10]:0.00}; lowest edit similarity: {string.Join(", ", lowestEdit.Select(e => $"{e.Key} {e.Value:0.00}"))}{Environment.NewLine}different photos' edge correlation: median {edgeSpread[edgeSpread.Count / 2]:0.00}, 90% {edgeSpread[edgeSpread.Count * 9 / 10]:0.00}, 99% {edgeSpread[edgeSpread.Count * 99 / 100]:0.00}; lowest edit edge correlation: {string.Join(", ", lowestEdges.Select(e => $"{e.Key} {e.Value:0.00}"))}");
        return new QualityReport(
            ours,
            phash,
            closest,
            unrelatedPairs.Average(p => Related(p.a, p.b) ? 0.0 : 1.0),
            edits.Average(i => Related(original[images[i].Source], i) ? 1.0 : 0.0),
            reencodes.Average(i => differences[i] <= noOp ? 1.0 : 0.0),
            distribution + Environment.NewLine + Misses(images, original, Similarity, differences));
    }

    /// <summary>Computes, on all cores, the pixel comparisons the decisions below will ask for one at a time.</summary>
    private void Warm(IReadOnlyList<EvaluationImage> images, Func<int, int, double> similarity, IReadOnlyDictionary<int, int> original)
    {
        var candidates = Enumerable.Range(0, images.Count).Where(i => images[i].Group <= VariantGroup.HardDuplicate).ToList();
        var registered = candidates.SelectMany(a => candidates.Where(b => b > a && duplicates.Proposes(similarity(a, b))).Select(b => (a, b)))
            .Concat(Enumerable.Range(0, images.Count).Where(i => images[i].Group != VariantGroup.Original).Select(i => (a: original[images[i].Source], b: i)));
        Parallel.ForEach(registered, p => set.Registered(p.a, p.b));
        Parallel.ForEach(Enumerable.Range(0, images.Count).Where(i => images[i].Group != VariantGroup.Original), i => set.Structure(original[images[i].Source], i));
    }

    private string Misses(IReadOnlyList<EvaluationImage> images, IReadOnlyDictionary<int, int> original, Func<int, int, double> similarity, IReadOnlyDictionary<int, double> differences)
    {
        var text = new StringBuilder();
        foreach (var (i, image) in images.Index().Where(x => x.Item.Group != VariantGroup.Original))
        {
            var s = similarity(original[image.Source], i);
            var registered = set.Registered(original[image.Source], i);
            var same = duplicates.Proposes(s) && duplicates.Confirms(registered);
            var missed = image.Group switch
            {
                VariantGroup.LargeEdit => same,
                VariantGroup.SmallEdit => differences[i] <= noOp,
                _ => !same,
            };
            if (missed)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {image.Group,-13} {image.Change,-26} {image.Photo,-18} similarity {s:0.000} registered edges {registered.Structure:0.00} colour {registered.Colour:0.00} block difference {differences[i]:0.0}");
            }
        }
        return text.ToString();
    }
}

/// <summary>The evaluation's numbers, ours beside pHash's, and the images each decision got wrong.</summary>
public sealed record QualityReport(QualityScores Ours, QualityScores PHash, double ClosestDifferentPhotos, double UnrelatedCaught, double EditsRelated, double ReencodesCaughtAsNoOp, string Misses)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"""
        {QualityScores.Header}
        {Ours.Row()}
        {PHash.Row()}
        false matches: ours {Ours.FalseMatches} of {Ours.Matches}, pHash {PHash.FalseMatches} of {PHash.Matches}; highest similarity between different photos (ours): {ClosestDifferentPhotos:0.000}
        by change (ours): {string.Join(", ", Ours.ByChange.Select(c => $"{c.Key} {c.Value:0.00}"))}
        by change (pHash): {string.Join(", ", PHash.ByChange.Select(c => $"{c.Key} {c.Value:0.00}"))}
        different photos called unrelated: {UnrelatedCaught:0.000}; edits kept related: {EditsRelated:0.000}; re-encodes (resize, q30) caught as no-op: {ReencodesCaughtAsNoOp:0.000}
        misses:
        {Misses}
        """);
}
