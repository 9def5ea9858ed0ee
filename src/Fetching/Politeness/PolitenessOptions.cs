using System.ComponentModel.DataAnnotations;

namespace Crawler.Fetching.Politeness;

/// <summary>How gently each host is treated; bound from <c>Politeness</c>. Defaults follow Scrapy's AutoThrottle.</summary>
public sealed class PolitenessOptions
{
    public const string Section = "Politeness";

    /// <summary>Requests to one host in flight at once.</summary>
    [Range(1, 16)]
    public int MaxConcurrencyPerHost { get; set; } = 2;

    /// <summary>The least time between the starts of two requests to one host.</summary>
    [Range(0, 600_000)]
    public int MinDelayMilliseconds { get; set; } = 1000;

    /// <summary>Adapts each host's delay to its latency (slower answers, longer gaps); errors never shorten it.</summary>
    public bool AutoThrottle { get; set; } = true;

    /// <summary>The delay a host starts with before any latency has been seen.</summary>
    [Range(0, 600_000)]
    public int StartDelayMilliseconds { get; set; } = 2000;

    [Range(1, 3600)]
    public int MaxDelaySeconds { get; set; } = 60;

    /// <summary>Requests AutoThrottle aims to have in flight per host: the delay tends to latency divided by this.</summary>
    [Range(0.1, 16.0)]
    public double TargetConcurrency { get; set; } = 1.0;

    /// <summary>A robots.txt <c>Crawl-delay</c> is honoured up to this many seconds.</summary>
    [Range(0, 3600)]
    public int MaxCrawlDelaySeconds { get; set; } = 30;

    /// <summary>
    /// The longest a request waits for its host (Retry-After, an exhausted budget); beyond it the fetch fails
    /// as transient at once and the pipeline retries it later, instead of holding a worker.
    /// </summary>
    [Range(1, 3600)]
    public int MaxWaitSeconds { get; set; } = 120;

    /// <summary>How long a fetched robots.txt is trusted; RFC 9309 asks for at most 24 hours.</summary>
    [Range(1, 24)]
    public int RobotsCacheHours { get; set; } = 24;

    /// <summary>How long an unreachable robots.txt (5xx, network error) keeps its host fully disallowed before another try.</summary>
    [Range(1, 1440)]
    public int RobotsRetryMinutes { get; set; } = 15;
}
