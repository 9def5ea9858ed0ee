using System.Globalization;

namespace Crawler.Fetching.Politeness;

/// <summary>
/// A request budget announced in response headers: <c>RateLimit-Remaining</c>/<c>-Reset</c> (IETF draft)
/// or <c>X-RateLimit-Remaining</c>/<c>-Reset</c> (Reddit and many APIs). A reset is seconds from now, or a
/// Unix time when it is that large.
/// </summary>
public static class RateLimitHeaders
{
    private const double UnixTimeThreshold = 1e9;

    public static (double Remaining, TimeSpan ResetsIn)? Read(Func<string, string?> header, DateTimeOffset now)
    {
        foreach (var prefix in (string[])["ratelimit-", "x-ratelimit-"])
        {
            if (Number(header(prefix + "remaining")) is { } remaining && Number(header(prefix + "reset")) is { } reset)
            {
                var resetsIn = reset >= UnixTimeThreshold
                    ? DateTimeOffset.FromUnixTimeMilliseconds((long)(reset * 1000)) - now
                    : TimeSpan.FromSeconds(reset);
                return (remaining, resetsIn > TimeSpan.Zero ? resetsIn : TimeSpan.Zero);
            }
        }
        return null;
    }

    private static double? Number(string? value) =>
        double.TryParse(value?.Split(',')[0].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0 && double.IsFinite(n) ? n : null;
}
