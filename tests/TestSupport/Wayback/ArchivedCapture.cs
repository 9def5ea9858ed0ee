namespace Crawler.TestSupport.Wayback;

/// <summary>One capture the loopback archive holds: what it fetched at <see cref="Timestamp"/> and got back.</summary>
public sealed record ArchivedCapture(string UrlKey, string Timestamp, string Original, byte[] Body, string ContentType, int Status, string Digest)
{
    /// <summary>The MIME type alone, as the CDX index lists it (no charset).</summary>
    public string MimeType => ContentType.Split(';')[0].Trim().ToLowerInvariant();

    /// <summary>The capture time, for finding the nearest capture.</summary>
    public DateTime Instant => WaybackTime.Parse(Timestamp);
}
