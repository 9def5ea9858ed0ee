namespace Crawler.Worker.Catalog.Stores;

/// <summary>What became of one image URL: pending, ok (with the bytes' hash) or failed (with the reason).</summary>
public sealed record ImageUrlRow
{
    public string Url { get; init; } = "";
    public string Status { get; init; } = "";
    public string? Sha256 { get; init; }
    public string? Reason { get; init; }
    public int? HttpStatus { get; init; }

    /// <summary>The URL downloaded for this one, when resolving changed it.</summary>
    public string? ResolvedUrl { get; init; }

    /// <summary>An album's other images (JSON list), recorded but not fetched.</summary>
    public string? AlbumImages { get; init; }
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

/// <summary>How a URL's image was downloaded: the answer's status and validators, and what the URL resolved to.</summary>
public sealed record UrlFetch(int? HttpStatus, string? ETag, string? LastModified, string ResolvedUrl, IReadOnlyList<string> AlbumImages);
