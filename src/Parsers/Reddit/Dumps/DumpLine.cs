using System.Text.Json;
using Crawler.Core.Text;
using Crawler.Parsers.Text;

namespace Crawler.Parsers.Reddit.Dumps;

/// <summary>
/// Reads one ndjson line of a Pushshift / Arctic Shift dump. The objects are Reddit's own API things without
/// their <c>kind</c> wrapper, so a submission is told from a comment by its fields.
/// </summary>
public static class DumpLine
{
    /// <param name="keep">Decides from subreddit and time whether the line is wanted, before any mapping work.</param>
    /// <returns>The record, or null when <paramref name="keep"/> declined it.</returns>
    /// <exception cref="PageFormatException">The line is not a submission or comment object.</exception>
    public static DumpRecord? Read(ReadOnlyMemory<byte> line, Func<string, long, bool>? keep = null)
    {
        JsonDocument document;
        try
        {
            document = JsonText.Parse(line);
        }
        catch (JsonException e)
        {
            throw new PageFormatException($"malformed JSON (byte {e.BytePositionInLine}): {e.Message}", e);
        }
        using (document)
        {
            var thing = document.RootElement;
            if (thing.ValueKind != JsonValueKind.Object)
            {
                throw new PageFormatException($"expected a JSON object, found {thing.ValueKind.ToString().ToLowerInvariant()}");
            }
            var community = thing.Str("subreddit") ?? "";
            var created = thing.Long("created_utc");
            if (keep is not null && !keep(community, created))
            {
                return null;
            }
            if (thing.Prop("title") is not null)
            {
                return new DumpRecord(community, created, RedditThings.Thread(thing, [], [], null), null);
            }
            if (thing.Prop("body") is not null && thing.Prop("link_id") is not null)
            {
                return new DumpRecord(community, created, null, RedditThings.Reply(thing, null));
            }
            throw new PageFormatException("neither a submission (no title) nor a comment (no body and link_id)");
        }
    }
}
