using System.Net.Http.Headers;

namespace Crawler.Fetching.Transport;

/// <summary>What came back from one exchange. The body is read only for 2xx answers; error pages are not kept.</summary>
/// <param name="Headers">Response and content headers by lower-case name.</param>
/// <param name="Latency">From sending the request to having the response headers, as AutoThrottle measures it.</param>
public sealed record ExchangeResult(
    int Status,
    string? ReasonPhrase,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    Uri Url,
    TimeSpan Latency)
{
    public bool Succeeded => Status is >= 200 and < 300 or 304;

    public bool IsRedirect => Status is 301 or 302 or 303 or 307 or 308 && Header("location") is not null;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? ContentType =>
        Header("content-type") is { } raw && MediaTypeHeaderValue.TryParse(raw, out var parsed) ? parsed.MediaType : null;

    public string Describe() => $"HTTP {Status}{(string.IsNullOrEmpty(ReasonPhrase) ? "" : " " + ReasonPhrase)}";
}
