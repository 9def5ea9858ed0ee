using System.Globalization;
using System.Text.Json;

namespace Crawler.Parsers.Wayback;

/// <summary>
/// One page of a CDX API answer (<c>output=json</c>): an array of rows of strings, the first row naming the
/// columns. With <c>showResumeKey=true</c> and more rows left, the page ends with an empty row and then a row
/// holding only the key that continues the search.
/// </summary>
public sealed record CdxPage(IReadOnlyList<CdxCapture> Captures, string? ResumeKey)
{
    private static readonly string[] Required = ["urlkey", "timestamp", "original", "statuscode"];

    public static CdxPage Empty { get; } = new([], null);

    /// <summary>
    /// Reads the page, mapping columns by the names in its header, so a reordered <c>fl</c> reads the same.
    /// Rows that are not replayable captures are skipped, not fatal: a status that is not a number (the
    /// archive writes "-" for revisit and warc/request records) or a timestamp that is not 14 digits naming a
    /// real instant (padding would invent a capture time the replay URL might not find). "-" in the optional
    /// mimetype and digest columns reads as null.
    /// </summary>
    /// <exception cref="PageFormatException">Not JSON, not an array of rows of strings, a header without the
    /// required columns, a row whose length differs from the header's, or a resume key row out of place.</exception>
    public static CdxPage Parse(ReadOnlyMemory<byte> json)
    {
        if (json.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return Empty;
        }
        using var document = JsonPage.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new PageFormatException($"a CDX answer is an array of rows, not a JSON {root.ValueKind.ToString().ToLowerInvariant()}");
        }
        var rows = root.EnumerateArray().Select((row, index) => Row(row, index)).ToList();
        if (rows.Count == 0)
        {
            return Empty;
        }
        var columns = Header(rows[0]);
        var captures = new List<CdxCapture>();
        string? resumeKey = null;
        for (var i = 1; i < rows.Count; i++)
        {
            if (rows[i].Length == 0)
            {
                resumeKey = KeyAfter(rows, i);
                break;
            }
            if (rows[i].Length != columns.Count)
            {
                throw new PageFormatException($"CDX row {i} has {rows[i].Length} fields, the header names {columns.Count}");
            }
            if (Capture(rows[i], columns) is { } capture)
            {
                captures.Add(capture);
            }
        }
        return new CdxPage(captures, resumeKey);
    }

    private static string[] Row(JsonElement row, int index)
    {
        if (row.ValueKind != JsonValueKind.Array)
        {
            throw new PageFormatException($"CDX row {index} is a JSON {row.ValueKind.ToString().ToLowerInvariant()}, not an array");
        }
        return row.EnumerateArray()
            .Select(cell => cell.ValueKind == JsonValueKind.String
                ? cell.GetString()!
                : throw new PageFormatException($"CDX row {index} holds a JSON {cell.ValueKind.ToString().ToLowerInvariant()} where the API writes strings"))
            .ToArray();
    }

    private static Dictionary<string, int> Header(string[] header)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            columns.TryAdd(header[i], i);
        }
        var missing = Required.Where(name => !columns.ContainsKey(name)).ToList();
        return missing.Count == 0
            ? columns
            : throw new PageFormatException($"CDX header [{string.Join(", ", header)}] lacks {string.Join(", ", missing)}");
    }

    /// <summary>The key after the empty row: it must be the one and only string of the page's last row.</summary>
    private static string KeyAfter(List<string[]> rows, int empty)
    {
        if (rows.Count != empty + 2 || rows[empty + 1].Length != 1)
        {
            throw new PageFormatException($"CDX row {empty} is empty but is not followed by a last row holding only the resume key");
        }
        return rows[empty + 1][0];
    }

    private static CdxCapture? Capture(string[] row, Dictionary<string, int> columns)
    {
        var timestamp = row[columns["timestamp"]];
        if (!int.TryParse(row[columns["statuscode"]], NumberStyles.None, CultureInfo.InvariantCulture, out var status) || !CdxTimestamp.IsValid(timestamp))
        {
            return null;
        }
        return new CdxCapture(row[columns["urlkey"]], timestamp, row[columns["original"]], Optional(row, columns, "mimetype"), status, Optional(row, columns, "digest"));
    }

    private static string? Optional(string[] row, Dictionary<string, int> columns, string name) =>
        columns.TryGetValue(name, out var at) && row[at] is not ("-" or "") ? row[at] : null;
}
