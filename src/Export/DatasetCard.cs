using System.Globalization;
using System.Text;

namespace Crawler.Export;

/// <summary>The snapshot's <c>README.md</c>: a Hugging Face dataset card whose YAML names the splits' files.</summary>
internal static class DatasetCard
{
    public static string Render(SnapshotManifest manifest, IReadOnlyDictionary<string, string> licenceNotes)
    {
        var card = new StringBuilder();
        card.AppendLine("---");
        card.AppendLine("configs:");
        card.AppendLine("- config_name: default");
        card.AppendLine("  data_files:");
        foreach (var split in manifest.RowsPerSplit.Keys.Order(StringComparer.Ordinal))
        {
            card.AppendLine(CultureInfo.InvariantCulture, $"  - split: {split}");
            card.AppendLine(CultureInfo.InvariantCulture, $"    path: \"data/{split}-*.parquet\"");
        }
        card.AppendLine("task_categories:");
        card.AppendLine("- image-to-image");
        card.AppendLine("---");
        card.AppendLine();
        card.AppendLine(CultureInfo.InvariantCulture, $"# Real-world instruction-guided image edits, snapshot {manifest.SnapshotId}");
        card.AppendLine();
        card.AppendLine("Requests for photo edits posted by people, paired with the edits volunteers made, and the request");
        card.AppendLine("rewritten as a short instruction. `raw_request` keeps the requester's own words.");
        card.AppendLine();
        card.AppendLine(CultureInfo.InvariantCulture, $"- rows: {manifest.Rows}");
        AppendCounts(card, "split", manifest.RowsPerSplit);
        AppendCounts(card, "site", manifest.RowsPerSite);
        AppendCounts(card, "edit type", manifest.RowsPerEditType);
        card.AppendLine();
        card.AppendLine("## How it was made");
        card.AppendLine();
        card.AppendLine("Threads were crawled politely (robots.txt, per-host delays) or read from dumps; edits are replies with");
        card.AppendLine("images by someone other than the requester; pairs whose edit is a re-upload of the original (pixel");
        card.AppendLine("comparison) or unrelated to it (embedding similarity) were dropped, reposts were clustered by perceptual");
        card.AppendLine("embeddings, and the `test` split is chosen by a hash of the dedup cluster. User names appear only as");
        card.AppendLine("salted hashes.");
        card.AppendLine();
        card.AppendLine("## Licences");
        card.AppendLine();
        foreach (var site in manifest.RowsPerSite.Keys.Order(StringComparer.Ordinal))
        {
            var note = licenceNotes.TryGetValue(site, out var n) ? n : "The images remain the property of their authors; use for research only.";
            card.AppendLine(CultureInfo.InvariantCulture, $"- **{site}**: {note}");
        }
        return card.ToString();
    }

    private static void AppendCounts(StringBuilder card, string label, IReadOnlyDictionary<string, int> counts)
    {
        foreach (var (key, count) in counts.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            card.AppendLine(CultureInfo.InvariantCulture, $"- {label} `{key}`: {count}");
        }
    }
}
