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
        // Named from the files, not the counts: an empty snapshot still has its (row-less) train file.
        foreach (var split in manifest.Files.Select(f => Path.GetFileName(f.Path).Split('-')[0]).Distinct().Order(StringComparer.Ordinal))
        {
            card.AppendLine(CultureInfo.InvariantCulture, $"  - split: {split}");
            card.AppendLine(CultureInfo.InvariantCulture, $"    path: \"data/{split}-*.parquet\"");
        }
        card.AppendLine("license: other");
        card.AppendLine("pretty_name: Real-world instruction-guided image edits");
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
        card.AppendLine("Exported images carry no EXIF, XMP, IPTC or comment metadata (no GPS positions, camera serials or names).");
        card.AppendLine("JPEG, PNG and WebP files lose their metadata segments without being re-encoded; an image is re-encoded");
        card.AppendLine("once, at high quality, only when its EXIF orientation had to be applied to the pixels, when it exceeded the");
        card.AppendLine(CultureInfo.InvariantCulture, $"size limit, or when its format could not be cleaned in place ({manifest.ImagesReencoded} images in this snapshot).");
        card.AppendLine("`source_sha256`/`target_sha256` hash the exported bytes, `*_download_sha256` the files as downloaded.");
        card.AppendLine();
        card.AppendLine(CultureInfo.InvariantCulture, $"Previous snapshot: {manifest.PreviousSnapshot ?? "none"}; `manifest.json` lists the {manifest.RemovedIds.Count} ids removed since");
        card.AppendLine("(deleted or opted out at the source, or rejected in review): drop them from any copy you keep.");
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
