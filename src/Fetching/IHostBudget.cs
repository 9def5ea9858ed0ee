namespace Crawler.Fetching;

/// <summary>
/// Lets a source hand the fetcher a host's request budget as the site announces it (Reddit's
/// <c>X-Ratelimit-Remaining</c> and <c>-Reset</c>), so politeness spreads the remaining requests
/// over the window instead of running into 429s.
/// </summary>
public interface IHostBudget
{
    void Update(string host, double remaining, TimeSpan resetsIn);
}
