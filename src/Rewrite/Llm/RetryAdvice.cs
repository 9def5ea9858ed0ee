using System.Globalization;
using System.Net;

namespace Crawler.Rewrite.Llm;

/// <summary>Which answers are worth another attempt, and how long the server asked us to wait.</summary>
internal static class RetryAdvice
{
    public static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout or HttpStatusCode.Conflict || (int)status >= 500;

    /// <summary>
    /// <c>retry-after-ms</c> (OpenAI's finer header) first, then the standard <c>Retry-After</c> as seconds or
    /// as a date; null when the server said nothing.
    /// </summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.Headers.TryGetValues("retry-after-ms", out var values)
            && double.TryParse(values.First(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
        {
            return TimeSpan.FromMilliseconds(ms);
        }
        return response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
            _ => null,
        };
    }
}
