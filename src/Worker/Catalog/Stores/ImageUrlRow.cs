namespace Crawler.Worker.Catalog.Stores;

/// <summary>What became of one image URL: pending, ok (with the bytes' hash) or failed (with the reason).</summary>
public sealed record ImageUrlRow
{
    public string Url { get; init; } = "";
    public string Status { get; init; } = "";
    public string? Sha256 { get; init; }
    public string? Reason { get; init; }
    public int? HttpStatus { get; init; }
}

/// <summary>An image's identity and decoded facts.</summary>
public sealed record ImageRow
{
    public string Sha256 { get; init; } = "";
    public string Format { get; init; } = "";
    public int Width { get; init; }
    public int Height { get; init; }
    public int Orientation { get; init; }
    public int Frames { get; init; }
    public long Bytes { get; init; }
    public string Status { get; init; } = "";
    public string? Reason { get; init; }
}
