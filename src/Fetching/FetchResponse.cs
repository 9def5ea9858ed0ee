namespace Crawler.Fetching;

/// <summary>A successful answer (2xx, or 304 for a conditional request).</summary>
/// <param name="Headers">Response headers by lower-case name (a source reads its rate-limit budget here).</param>
public sealed record FetchResponse(
    int StatusCode,
    byte[] Body,
    string? ContentType,
    string? ETag,
    string? LastModified,
    Uri FinalUrl,
    IReadOnlyDictionary<string, string>? Headers = null)
{
    public bool NotModified => StatusCode == 304;

    public string? Header(string name) => Headers is not null && Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;
}
