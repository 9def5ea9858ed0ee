using System.Text.Json;
using Crawler.Core.Text;

namespace Crawler.Parsers;

/// <summary>Reads a page that is one JSON document; where it breaks becomes the page's format error.</summary>
internal static class JsonPage
{
    /// <exception cref="PageFormatException">The page is not JSON, with the line and byte where it stops being so.</exception>
    public static JsonDocument Parse(ReadOnlyMemory<byte> content, JsonDocumentOptions options = default)
    {
        try
        {
            return JsonText.Parse(content, options);
        }
        catch (JsonException e)
        {
            throw new PageFormatException($"malformed JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine}): {e.Message}", e);
        }
    }
}
