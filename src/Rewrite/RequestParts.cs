namespace Crawler.Rewrite;

/// <summary>A request as the requester wrote it, kept in its parts so a model can be told which is which.</summary>
public sealed record RequestParts(string Title, string Body, IReadOnlyList<string> Clarifications)
{
    /// <summary>
    /// Splits the stored request text (title, body and clarifications joined by blank lines, as the pairing
    /// rules write it) back into its parts, given the thread's title and body. Text that does not start with
    /// them (an older row, another site's joining) is kept whole as the body.
    /// </summary>
    public static RequestParts Split(string requestText, string title, string body)
    {
        var head = string.Join("\n\n", new[] { title.Trim(), body.Trim() }.Where(s => s.Length > 0));
        if (head.Length == 0 || !requestText.StartsWith(head, StringComparison.Ordinal))
        {
            return new RequestParts("", requestText.Trim(), []);
        }
        var rest = requestText[head.Length..].Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new RequestParts(title.Trim(), body.Trim(), rest);
    }

    /// <summary>All the parts in order, one paragraph each.</summary>
    public IEnumerable<string> Paragraphs => new[] { Title, Body }.Concat(Clarifications).Where(s => s.Trim().Length > 0);
}
