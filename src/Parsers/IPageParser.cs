using Crawler.Core.Domain;

namespace Crawler.Parsers;

/// <summary>
/// Turns the bytes of one fetched document into threads and replies. Parsers are pure: they never
/// fetch, and the page URL is only data used to resolve relative links.
/// </summary>
public interface IPageParser
{
    /// <summary>The format name users pass to <c>parse --site</c>, e.g. <c>reddit-json</c>.</summary>
    string Name { get; }

    /// <summary>The site the ids belong to, e.g. <c>reddit</c>; several formats can share one site.</summary>
    string Site { get; }

    /// <exception cref="PageFormatException">The document is not in this parser's format; the message says how.</exception>
    ParsedPage Parse(ReadOnlyMemory<byte> content, Uri? pageUrl = null);
}
