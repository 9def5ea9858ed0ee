using System.Globalization;

namespace Crawler.Dedup.Tests.Evaluation;

/// <summary>
/// How well one method separates the evaluation set. Precision is over every pair of originals, duplicates
/// and hard duplicates (same photo: should match; different photos: must not); recalls are over each
/// variant against its original; large edits count when they do not match their original; small edits
/// count when the pair filter keeps them as edits (null where the method has no pair filter).
/// </summary>
public sealed record QualityScores(
    string Method,
    double Precision,
    int Matches,
    int FalseMatches,
    double DuplicateRecall,
    double HardRecall,
    double LargeEditsKeptApart,
    double? SmallEditsKept,
    IReadOnlyDictionary<string, double> ByChange)
{
    public static QualityScores Score(string method, EvaluationSet set, Func<int, int, bool> match, Func<int, int, bool>? keptAsEdit)
    {
        var images = set.Images;
        var (matches, falseMatches) = (0, 0);
        for (var i = 0; i < images.Count; i++)
        {
            for (var j = i + 1; j < images.Count; j++)
            {
                if (images[i].Group > VariantGroup.HardDuplicate || images[j].Group > VariantGroup.HardDuplicate
                    || (images[i].Source != images[j].Source && !EvaluationSet.Unrelated(images[i], images[j])) || !match(i, j))
                {
                    continue;
                }
                matches++;
                falseMatches += images[i].Source == images[j].Source ? 0 : 1;
            }
        }
        var original = images.Select((image, index) => (image, index)).Where(x => x.image.Group == VariantGroup.Original).ToDictionary(x => x.image.Source, x => x.index);
        var outcomes = images.Select((image, index) => (image, index))
            .Where(x => x.image.Group != VariantGroup.Original)
            .Select(x => (x.image.Group, x.image.Change, Good: x.image.Group switch
            {
                VariantGroup.LargeEdit => !match(original[x.image.Source], x.index),
                VariantGroup.SmallEdit => keptAsEdit?.Invoke(original[x.image.Source], x.index) ?? false,
                _ => match(original[x.image.Source], x.index),
            }))
            .ToList();
        double Rate(VariantGroup group) => outcomes.Where(o => o.Group == group).Average(o => o.Good ? 1.0 : 0.0);
        return new QualityScores(
            method,
            matches == 0 ? 0 : (double)(matches - falseMatches) / matches,
            matches,
            falseMatches,
            Rate(VariantGroup.Duplicate),
            Rate(VariantGroup.HardDuplicate),
            Rate(VariantGroup.LargeEdit),
            keptAsEdit is null ? null : Rate(VariantGroup.SmallEdit),
            outcomes.Where(o => keptAsEdit is not null || o.Group != VariantGroup.SmallEdit)
                .GroupBy(o => o.Change).ToDictionary(g => g.Key, g => g.Average(o => o.Good ? 1.0 : 0.0)));
    }

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Method,-52} | {Precision,9:0.000} | {DuplicateRecall,8:0.000} | {HardRecall,8:0.000} | {LargeEditsKeptApart,10:0.000} | {(SmallEditsKept is { } s ? s.ToString("0.000", CultureInfo.InvariantCulture) : "-"),10} |");

    public const string Header = """
        | method                                               | precision | dup rec. | hard rec.| large apart| small kept |
        |------------------------------------------------------|-----------|----------|----------|------------|------------|
        """;
}
