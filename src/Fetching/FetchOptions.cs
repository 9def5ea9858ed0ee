using System.ComponentModel.DataAnnotations;

namespace Crawler.Fetching;

/// <summary>Limits and identity of every download; bound from <c>Fetch</c>.</summary>
public sealed class FetchOptions
{
    public const string Section = "Fetch";

    /// <summary>Sent with every request; include a contact URL so site operators can reach us.</summary>
    [Required, MinLength(3)]
    public string UserAgent { get; set; } = "CrawlerBot/0.1 (+https://example.org/crawler; research dataset of photo edit requests)";

    [Range(1, 1L << 30)]
    public long MaxPageBytes { get; set; } = 8L << 20;

    [Range(1, 1L << 31)]
    public long MaxImageBytes { get; set; } = 25L << 20;

    /// <summary>Total time for one page request, headers to last byte.</summary>
    [Range(1, 3600)]
    public int PageTimeoutSeconds { get; set; } = 30;

    /// <summary>Total time for one image; large images on slow hosts need minutes, not the usual 10 s.</summary>
    [Range(1, 3600)]
    public int ImageTimeoutSeconds { get; set; } = 120;

    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    [Range(1, 600)]
    public int ConnectTimeoutSeconds { get; set; } = 15;

    /// <summary>
    /// A body arriving slower than this, measured over <see cref="TransferRateWindowSeconds"/>, is abandoned
    /// (a slow-drip server must not hold a worker for the whole timeout); 0 turns the check off.
    /// </summary>
    [Range(0, 1 << 30)]
    public int MinTransferBytesPerSecond { get; set; } = 2048;

    [Range(1, 600)]
    public int TransferRateWindowSeconds { get; set; } = 15;

    /// <summary>Immediate retries of one GET on 408, 429, 5xx and network errors, after the first try.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first retry waits about this long (jittered), doubling for each one after it.</summary>
    [Range(1, 600_000)]
    public int RetryBaseDelayMilliseconds { get; set; } = 1000;

    [Range(1, 3600)]
    public int RetryMaxDelaySeconds { get; set; } = 30;

    /// <summary>
    /// Networks (CIDR) that may be fetched although private, loopback or reserved. Empty by default: the
    /// service never fetches from inside the network unless told to.
    /// </summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>Host name to <c>address:port</c>, connecting there instead of resolving (the demo's own site).</summary>
    public Dictionary<string, string> HostOverrides { get; set; } = [];
}
