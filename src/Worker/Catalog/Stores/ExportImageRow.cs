namespace Crawler.Worker.Catalog.Stores;

/// <summary>How a downloaded image was cleaned for export, by which cleaner; failed ones have a reason and no output.</summary>
public sealed record ExportImageRow
{
    public string DownloadSha256 { get; init; } = "";
    public string Cleaner { get; init; } = "";
    public string Treatment { get; init; } = "";
    public string Reason { get; init; } = "";
    public string? ExportedSha256 { get; init; }
    public string? Format { get; init; }
    public int? Width { get; init; }
    public int? Height { get; init; }
    public long? Bytes { get; init; }
}
