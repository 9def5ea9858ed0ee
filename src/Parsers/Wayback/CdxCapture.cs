namespace Crawler.Parsers.Wayback;

/// <summary>
/// One capture listed by the Wayback Machine's CDX API: when the archive fetched <see cref="Original"/> and
/// what it got. <see cref="Timestamp"/> is the archive's 14-digit UTC <c>yyyyMMddHHmmss</c>.
/// </summary>
public sealed record CdxCapture(string UrlKey, string Timestamp, string Original, string? MimeType, int StatusCode, string? Digest)
{
    /// <summary>The capture's bytes exactly as archived (<c>id_</c>: no toolbar, no rewritten links).</summary>
    public Uri ReplayUrl(Uri archiveBase) => ArchivedUrl.Raw(archiveBase, Timestamp, Original);

    /// <summary>Unix seconds of the capture.</summary>
    public long CapturedUtc => CdxTimestamp.ToUnixSeconds(Timestamp);
}
