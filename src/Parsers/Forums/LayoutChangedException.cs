namespace Crawler.Parsers.Forums;

/// <summary>
/// A page on which a site file's selectors find neither posts nor thread-list rows: the forum changed its
/// markup (or the page is of another site), so the site file needs updating rather than the page retrying.
/// </summary>
public sealed class LayoutChangedException(string site, string what) : PageFormatException($"layout changed: {site}: {what}")
{
    public string SiteName { get; } = site;
}
