using System.Globalization;
using System.Text;

namespace Crawler.Worker.Dumps;

/// <summary>What an import did, line by line: every line read is imported or counted under the reason it was not.</summary>
public sealed class DumpImportResult
{
    /// <summary>How many malformed lines are quoted in <see cref="MalformedExamples"/>; the rest are only counted.</summary>
    public const int MaxExamples = 20;

    public long Lines { get; set; }
    public long Threads { get; set; }
    public long Replies { get; set; }
    public long OtherCommunities { get; set; }
    public long OutOfRange { get; set; }
    public long DeletedInDump { get; set; }
    public long AlreadyCrawled { get; set; }
    public long WithoutThread { get; set; }
    public long Malformed { get; set; }
    public List<string> MalformedExamples { get; } = [];

    public void AddMalformed(string file, long line, string reason)
    {
        Malformed++;
        if (MalformedExamples.Count < MaxExamples)
        {
            MalformedExamples.Add($"{Path.GetFileName(file)}:{line}: {reason}");
        }
    }

    public string Summary() => new StringBuilder()
        .Append(CultureInfo.InvariantCulture, $"{Lines:N0} lines read: {Threads:N0} threads and {Replies:N0} replies imported; skipped ")
        .Append(CultureInfo.InvariantCulture, $"{OtherCommunities:N0} of other communities, {OutOfRange:N0} submissions outside the time range, ")
        .Append(CultureInfo.InvariantCulture, $"{DeletedInDump:N0} submissions deleted or removed before the dump, {AlreadyCrawled:N0} threads already crawled live, ")
        .Append(CultureInfo.InvariantCulture, $"{WithoutThread:N0} comments whose thread was not imported, {Malformed:N0} malformed lines")
        .ToString();
}
