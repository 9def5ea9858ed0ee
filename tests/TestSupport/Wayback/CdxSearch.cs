using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Crawler.TestSupport.Wayback;

/// <summary>
/// The CDX server's search over the captures held, with the semantics crawls rely on: <c>url</c> with
/// <c>matchType</c> exact (default), prefix (or a trailing '*'), host or domain; <c>filter=[!]field:regex</c>
/// (the regex must match the whole field; several filters all apply); <c>from</c>/<c>to</c> timestamp prefixes;
/// rows sorted by urlkey then timestamp; <c>collapse=urlkey</c> keeps the first row of each urlkey;
/// <c>limit</c> with <c>showResumeKey=true</c> ends a page that leaves rows behind with an empty row and the
/// key; <c>resumeKey</c> goes on strictly after it; <c>fl</c> picks columns; <c>output=json</c> writes an array
/// of rows with a header row, otherwise space-separated lines.
/// </summary>
internal static class CdxSearch
{
    private static readonly string[] AllFields = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"];

    /// <exception cref="FormatException">A parameter the real server would also refuse (400).</exception>
    public static (string Body, string ContentType) Answer(IEnumerable<ArchivedCapture> held, IQueryCollection query)
    {
        var url = query["url"].ToString();
        if (url.Length == 0)
        {
            throw new FormatException("url is required");
        }
        var matchType = query["matchType"].ToString() is { Length: > 0 } m ? m : "exact";
        if (url.EndsWith('*'))
        {
            (url, matchType) = (url[..^1], "prefix");
        }
        var key = UrlKey.For(url);
        var filters = query["filter"].Select(f => Filter(f!)).ToList();
        var from = query["from"].ToString() is { Length: > 0 } f1 ? WaybackTime.Bound(f1, upper: false) : null;
        var to = query["to"].ToString() is { Length: > 0 } t1 ? WaybackTime.Bound(t1, upper: true) : null;
        var rows = held
            .Where(c => Matches(c.UrlKey, key, matchType))
            .Where(c => (from is null || string.CompareOrdinal(c.Timestamp, from) >= 0) && (to is null || string.CompareOrdinal(c.Timestamp, to) <= 0))
            .Where(c => filters.All(filter => filter(c)))
            .OrderBy(c => c.UrlKey, StringComparer.Ordinal).ThenBy(c => c.Timestamp, StringComparer.Ordinal)
            .ToList();
        if (query["collapse"].ToString() == "urlkey")
        {
            rows = rows.GroupBy(c => c.UrlKey, StringComparer.Ordinal).Select(g => g.First()).ToList();
        }
        if (query["resumeKey"].ToString() is { Length: > 0 } resume)
        {
            var (afterKey, afterTimestamp) = ParseResumeKey(resume);
            rows = rows.SkipWhile(c => Compare(c, afterKey, afterTimestamp) <= 0).ToList();
        }
        var limit = query["limit"].ToString() is { Length: > 0 } l ? int.Parse(l, CultureInfo.InvariantCulture) : int.MaxValue;
        var page = rows.Take(limit).ToList();
        var resumeKey = query["showResumeKey"].ToString() == "true" && rows.Count > page.Count ? ResumeKey(page[^1]) : null;
        var fields = query["fl"].ToString() is { Length: > 0 } fl ? fl.Split(',') : AllFields;
        var cells = page.Select(c => fields.Select(name => Field(c, name)).ToArray()).ToList();
        return query["output"].ToString() == "json" ? (Json(fields, cells, resumeKey), "application/json") : (Text(cells, resumeKey), "text/plain");
    }

    /// <summary>The key of the last row given: its urlkey and timestamp, space-separated (opaque to clients).</summary>
    private static string ResumeKey(ArchivedCapture last) => $"{last.UrlKey} {last.Timestamp}";

    private static (string Key, string Timestamp) ParseResumeKey(string resume)
    {
        var space = resume.LastIndexOf(' ');
        return space > 0 ? (resume[..space], resume[(space + 1)..]) : throw new FormatException($"bad resumeKey '{resume}'");
    }

    private static int Compare(ArchivedCapture c, string key, string timestamp) =>
        string.CompareOrdinal(c.UrlKey, key) is var byKey and not 0 ? byKey : string.CompareOrdinal(c.Timestamp, timestamp);

    private static bool Matches(string candidate, string key, string matchType) => matchType switch
    {
        "exact" => candidate == key,
        "prefix" => candidate.StartsWith(key, StringComparison.Ordinal),
        "host" => UrlKey.Host(candidate) == UrlKey.Host(key),
        "domain" => UrlKey.Host(candidate) == UrlKey.Host(key) || UrlKey.Host(candidate).StartsWith(UrlKey.Host(key) + ",", StringComparison.Ordinal),
        _ => throw new FormatException($"unknown matchType '{matchType}'"),
    };

    private static Func<ArchivedCapture, bool> Filter(string filter)
    {
        var negated = filter.StartsWith('!');
        var body = negated ? filter[1..] : filter;
        var colon = body.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new FormatException($"bad filter '{filter}'");
        }
        var name = body[..colon];
        var pattern = new Regex("^(?:" + body[(colon + 1)..] + ")$", RegexOptions.CultureInvariant);
        return c => pattern.IsMatch(Field(c, name)) != negated;
    }

    private static string Field(ArchivedCapture c, string name) => name switch
    {
        "urlkey" => c.UrlKey,
        "timestamp" => c.Timestamp,
        "original" => c.Original,
        "mimetype" => c.MimeType,
        "statuscode" => c.Status.ToString(CultureInfo.InvariantCulture),
        "digest" => c.Digest,
        "length" => c.Body.Length.ToString(CultureInfo.InvariantCulture),
        _ => throw new FormatException($"unknown field '{name}'"),
    };

    private static string Json(string[] fields, List<string[]> cells, string? resumeKey)
    {
        if (cells.Count == 0)
        {
            return "[]";
        }
        var rows = new List<string[]> { fields };
        rows.AddRange(cells);
        if (resumeKey is not null)
        {
            rows.Add([]);
            rows.Add([resumeKey]);
        }
        // One row a line, as the real server writes it.
        return "[" + string.Join(",\n", rows.Select(r => JsonSerializer.Serialize(r))) + "]\n";
    }

    private static string Text(List<string[]> cells, string? resumeKey) =>
        string.Concat(cells.Select(r => string.Join(' ', r) + "\n")) + (resumeKey is null ? "" : "\n" + resumeKey + "\n");
}
