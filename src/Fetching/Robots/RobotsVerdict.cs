namespace Crawler.Fetching.Robots;

/// <summary>What robots.txt says about one URL, and why.</summary>
public sealed record RobotsVerdict(bool Allowed, string? Reason = null, bool Transient = false)
{
    public static RobotsVerdict Allow { get; } = new(true);
}
