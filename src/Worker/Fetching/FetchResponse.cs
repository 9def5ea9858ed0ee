namespace Crawler.Worker.Fetching;

/// <summary>A successful answer (2xx, or 304 for a conditional request).</summary>
public sealed record FetchResponse(int StatusCode, byte[] Body, string? ContentType, string? ETag, string? LastModified, Uri FinalUrl)
{
    public bool NotModified => StatusCode == 304;
}
