using System.ComponentModel.DataAnnotations;

namespace Crawler.Worker.Exporting;

/// <summary>Snapshot schedule and layout; bound from <c>Export</c>.</summary>
public sealed class ExportOptions
{
    public const string Section = "Export";

    /// <summary>When the recurring export runs (Hangfire cron).</summary>
    [Required]
    public string Cron { get; set; } = "0 */6 * * *";

    /// <summary>Where snapshots go; defaults to <c>snapshots</c> inside the data directory.</summary>
    public string? SnapshotsDir { get; set; }

    [Range(1, 1000)]
    public int Keep { get; set; } = 5;

    /// <summary>Share of dedup clusters held out as the test split.</summary>
    [Range(0.0, 0.5)]
    public double TestShare { get; set; } = 0.02;

    [Range(1, 100_000)]
    public int RowGroupRows { get; set; } = 100;

    [Range(1L << 20, 1L << 40)]
    public long ShardBytes { get; set; } = 500L << 20;

    /// <summary>Images downloaded larger than this are re-encoded (once, recorded) for export.</summary>
    [Range(64L << 10, 1L << 30)]
    public long LargeImageBytes { get; set; } = 10L << 20;

    /// <summary>JPEG/WebP quality of a re-encoded large image.</summary>
    [Range(50, 100)]
    public int LargeImageQuality { get; set; } = 90;

    /// <summary>Longest side, in pixels, of a re-encoded large image.</summary>
    [Range(256, 65_535)]
    public int LargeImageMaxSide { get; set; } = 4096;

    /// <summary>
    /// A newline-delimited JSON file of deletions and opt-outs, imported before each export: objects with
    /// <c>site</c> and one of <c>thread</c>, <c>reply</c> or <c>url</c>. Relative paths are inside the data directory.
    /// </summary>
    public string? DeletionsFile { get; set; }

    /// <summary>Licence note per site, for the dataset card.</summary>
    public Dictionary<string, string> LicenceNotes { get; set; } = [];
}
