namespace Crawler.Fetching;

/// <summary>A fetch that did not produce a body. The message is the recorded reason.</summary>
/// <param name="Transient">Worth retrying later (429, 5xx, timeouts, resets); false for 404, refusals, oversize bodies.</param>
/// <param name="RetryAfter">What the server asked us to wait, when it said.</param>
/// <param name="Headers">The error response's headers by lower-case name, when there was a response.</param>
public sealed class FetchException(
    string message,
    bool transient,
    int? statusCode = null,
    TimeSpan? retryAfter = null,
    Exception? inner = null,
    IReadOnlyDictionary<string, string>? headers = null)
    : Exception(message, inner)
{
    public bool Transient => transient;

    public int? StatusCode => statusCode;

    public TimeSpan? RetryAfter => retryAfter;

    public IReadOnlyDictionary<string, string>? Headers => headers;
}
