using Crawler.Export.Images;

namespace Crawler.Export;

/// <summary>Tallies a snapshot's rows for its manifest and card.</summary>
internal sealed class RowCounts
{
    public List<string> Ids { get; } = [];
    public SortedDictionary<string, int> PerSplit { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, int> PerSite { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, int> PerEditType { get; } = new(StringComparer.Ordinal);
    public int ImagesReencoded { get; private set; }

    public void Add(ExportRow row, string split)
    {
        Ids.Add(row.Id);
        Increment(PerSplit, split);
        Increment(PerSite, row.Site);
        Increment(PerEditType, row.EditType);
        ImagesReencoded += (row.Source.Cleaned.Treatment == ImageTreatment.Reencoded ? 1 : 0) + (row.Target.Cleaned.Treatment == ImageTreatment.Reencoded ? 1 : 0);
    }

    private static void Increment(SortedDictionary<string, int> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}
