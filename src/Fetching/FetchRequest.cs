namespace Crawler.Fetching;

/// <summary>One request. <paramref name="ETag"/> and <paramref name="LastModified"/> make a GET conditional.</summary>
/// <param name="Source">The configured source asking, whose politeness settings apply.</param>
/// <param name="Headers">Extra request headers (an API's Authorization, for one); never logged.</param>
/// <param name="Method">GET unless said otherwise (an OAuth token request is a POST).</param>
/// <param name="Body">The form or JSON body of a POST, with <paramref name="BodyType"/> its media type.</param>
public sealed record FetchRequest(
    Uri Url,
    FetchKind Kind,
    string Source,
    string? ETag = null,
    string? LastModified = null,
    IReadOnlyDictionary<string, string>? Headers = null,
    HttpMethod? Method = null,
    byte[]? Body = null,
    string? BodyType = null);
