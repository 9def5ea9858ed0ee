using Crawler.Core.Domain;

namespace Crawler.Parsers.Reddit.Dumps;

/// <summary>
/// A Pushshift / Arctic Shift ndjson file (decompressed): submissions give one thread per line, comments give
/// loose replies carrying their <c>link_id</c>, joined to their threads at import.
/// </summary>
public sealed class PushshiftParser : IPageParser
{
    public const string FormatName = "pushshift";

    public string Name => FormatName;

    public string Site => RedditSite.Name;

    public ParsedPage Parse(ReadOnlyMemory<byte> content, Uri? pageUrl = null)
    {
        var threads = new List<ParsedThread>();
        var replies = new List<ParsedReply>();
        var lineNumber = 0;
        foreach (var line in NdjsonLines.Split(content))
        {
            lineNumber++;
            if (line.Span.Trim(" \t\r"u8).IsEmpty)
            {
                continue;
            }
            DumpRecord record;
            try
            {
                record = DumpLine.Read(line)!;
            }
            catch (PageFormatException e)
            {
                throw new PageFormatException($"line {lineNumber}: {e.Message}", e);
            }
            if (record.Thread is { } thread)
            {
                threads.Add(thread);
            }
            else if (record.Reply is { } reply)
            {
                replies.Add(reply);
            }
        }
        return new ParsedPage(threads, null, replies);
    }
}
