using System.Globalization;
using Crawler.Fetching;

namespace Crawler.Worker.Sources;

/// <summary>
/// Reddit's rate-limit headers: <c>X-Ratelimit-Used</c> requests made in the current window,
/// <c>X-Ratelimit-Remaining</c> left in it (a decimal such as <c>99.0</c>), <c>X-Ratelimit-Reset</c> seconds
/// until it resets. The documented budget is 100 requests a minute per OAuth client.
/// </summary>
public sealed record RedditRateLimit(double Used, double Remaining, TimeSpan ResetsIn)
{
    private const double UnixTimeThreshold = 1e9;

    /// <summary>The budget a response announced; null when it carried no rate-limit headers.</summary>
    public static RedditRateLimit? From(IReadOnlyDictionary<string, string>? headers)
    {
        if (headers is null || !TryNumber(headers, "x-ratelimit-reset", out var reset))
        {
            return null;
        }
        var used = TryNumber(headers, "x-ratelimit-used", out var u) ? u : 0;
        if (!TryNumber(headers, "x-ratelimit-remaining", out var remaining))
        {
            return null;
        }
        if (reset >= UnixTimeThreshold)
        {
            // Not Reddit's seconds but a Unix time, as other APIs send: the fetcher reads those itself, against its clock.
            return null;
        }
        return new RedditRateLimit(used, remaining, TimeSpan.FromSeconds(Math.Max(0, reset)));
    }

    /// <summary>Hands the budget to the fetcher, which spreads the remaining requests over the window.</summary>
    public void ApplyTo(IHostBudget budget, string host) => budget.Update(host, Remaining, ResetsIn);

    private static bool TryNumber(IReadOnlyDictionary<string, string> headers, string name, out double value)
    {
        value = 0;
        return headers.TryGetValue(name, out var text)
            && double.TryParse(text.Split(',')[0].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
