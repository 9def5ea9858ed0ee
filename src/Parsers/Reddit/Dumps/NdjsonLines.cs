namespace Crawler.Parsers.Reddit.Dumps;

/// <summary>Splits newline-delimited JSON held in memory into its lines, without copying.</summary>
internal static class NdjsonLines
{
    public static IEnumerable<ReadOnlyMemory<byte>> Split(ReadOnlyMemory<byte> content)
    {
        var rest = content;
        while (!rest.IsEmpty)
        {
            var end = rest.Span.IndexOf((byte)'\n');
            if (end < 0)
            {
                yield return rest;
                yield break;
            }
            yield return rest[..end];
            rest = rest[(end + 1)..];
        }
    }
}
