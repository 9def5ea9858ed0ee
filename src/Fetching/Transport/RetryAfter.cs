using System.Globalization;

namespace Crawler.Fetching.Transport;

/// <summary>Reads <c>Retry-After</c>: either delay-seconds or an HTTP date (RFC 9110 §10.2.3).</summary>
public static class RetryAfter
{
    public static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Min(seconds, (long)TimeSpan.FromDays(365).TotalSeconds));
        }
        if (DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }
}
