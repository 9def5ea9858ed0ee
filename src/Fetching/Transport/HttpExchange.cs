namespace Crawler.Fetching.Transport;

/// <summary>
/// One HTTP request as it goes on the wire: no redirect followed, no retry. A redirect hop or a retry is a
/// new exchange, so each one passes the address guard and the host's politeness again.
/// </summary>
/// <param name="MaxBytes">The most body bytes kept, after decompression.</param>
/// <param name="TruncateAtCap">Keep the first <paramref name="MaxBytes"/> and stop, instead of failing (robots.txt).</param>
public sealed record HttpExchange(
    Uri Url,
    HttpMethod Method,
    FetchKind Kind,
    long MaxBytes,
    bool TruncateAtCap = false,
    IReadOnlyDictionary<string, string>? Headers = null,
    byte[]? Body = null,
    string? BodyType = null,
    string? ETag = null,
    string? LastModified = null)
{
    public static HttpExchange For(FetchRequest request, long maxBytes) => new(
        request.Url,
        request.Method ?? HttpMethod.Get,
        request.Kind,
        maxBytes,
        Headers: request.Headers,
        Body: request.Body,
        BodyType: request.BodyType,
        ETag: request.ETag,
        LastModified: request.LastModified);

    /// <summary>GET and HEAD may be repeated without changing anything on the server.</summary>
    public bool Idempotent => Method == HttpMethod.Get || Method == HttpMethod.Head;
}
