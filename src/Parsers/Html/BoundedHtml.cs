using System.Globalization;
using System.Runtime.InteropServices;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Crawler.Parsers.Html;

/// <summary>
/// Parses a page into a DOM within bounds on its size and nesting, so that no page, however hostile, costs
/// more than linear time and a small multiple of its size in memory. Real pages stay far inside both.
/// </summary>
internal static class BoundedHtml
{
    /// <summary>Twice the fetcher's default page cap; a saved page of 500 comments is under 2 MiB.</summary>
    public const int MaxBytes = 16 << 20;

    /// <summary>Real pages nest under 40 elements (old.reddit comment trees, forum threads); browsers cap their trees at 512.</summary>
    public const int MaxDepth = 256;

    /// <exception cref="PageFormatException">The page is larger or nests deeper than the bounds.</exception>
    public static IHtmlDocument Parse(ReadOnlyMemory<byte> content)
    {
        if (content.Length > MaxBytes)
        {
            throw new PageFormatException(Invariant($"too large for an HTML page: {content.Length:N0} bytes, over the limit of {MaxBytes:N0}"));
        }
        if (HtmlNesting.FirstBeyond(content.Span, MaxDepth) is { } at)
        {
            throw new PageFormatException(Invariant($"elements nested deeper than {MaxDepth} (at byte {at}): not a page a site would send"));
        }
        using var stream = MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);
        return new HtmlParser().ParseDocument(stream);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
