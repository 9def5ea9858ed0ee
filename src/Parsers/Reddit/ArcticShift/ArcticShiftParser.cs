using System.Text.Json;
using Crawler.Core.Domain;
using Crawler.Parsers.Text;

namespace Crawler.Parsers.Reddit.ArcticShift;

/// <summary>
/// Answers of the Arctic Shift API (<c>/api/posts/search</c>, <c>/api/posts/ids</c>, <c>/api/comments/search</c>,
/// <c>/api/comments/ids</c>): <c>{"data": [...]}</c> of plain Reddit objects without their <c>kind</c> wrapper,
/// posts as threads and comments as loose replies carrying their <c>link_id</c>; a failure is <c>{"error": ...}</c>.
/// What the archive's <c>_meta</c> says was deleted or removed later is marked deleted, its text and images dropped.
/// </summary>
public sealed class ArcticShiftParser : IPageParser
{
    public const string FormatName = "arctic-shift";

    public string Name => FormatName;

    public string Site => RedditSite.Name;

    public ParsedPage Parse(ReadOnlyMemory<byte> content, Uri? pageUrl = null)
    {
        using (var document = JsonPage.Parse(content))
        {
            var threads = new List<ParsedThread>();
            var replies = new List<ParsedReply>();
            foreach (var thing in Data(document.RootElement))
            {
                if (thing.ValueKind != JsonValueKind.Object)
                {
                    throw new PageFormatException($"an item of data is a {thing.ValueKind.ToString().ToLowerInvariant()}, not a Reddit object");
                }
                // Search results have no kind wrapper: a comment is told from a post by the thread it belongs to.
                if (thing.Prop("link_id") is not null)
                {
                    replies.Add(ArcticShiftMeta.Apply(thing, RedditThings.Reply(thing, null)));
                }
                else
                {
                    threads.Add(ArcticShiftMeta.Apply(thing, RedditThings.Thread(thing, [], [], null)));
                }
            }
            return new ParsedPage(threads, null, replies);
        }
    }

    private static JsonElement.ArrayEnumerator Data(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new PageFormatException($"expected a JSON object with data, found {root.ValueKind.ToString().ToLowerInvariant()}");
        }
        if (root.Prop("error") is { } error)
        {
            var message = error.ValueKind == JsonValueKind.String ? error.GetString() : error.GetRawText();
            throw new PageFormatException($"Arctic Shift answered with an error: {message}");
        }
        return root.Prop("data") is { ValueKind: JsonValueKind.Array } data
            ? data.EnumerateArray()
            : throw new PageFormatException("an answer without a data array");
    }
}
