using System.Text.Json;
using Crawler.Core.Domain;
using Crawler.Parsers.Text;

namespace Crawler.Parsers.Reddit.ArcticShift;

/// <summary>
/// The archive's own notes on an object (<c>_meta</c>): <c>was_deleted_later</c> and <c>removal_type</c> say the
/// author or a moderator took it down after it was archived, while the archived text is still there.
/// </summary>
internal static class ArcticShiftMeta
{
    public static bool SaysGone(JsonElement thing) =>
        thing.Prop("_meta") is { ValueKind: JsonValueKind.Object } meta && (meta.Bool("was_deleted_later") || meta.Str("removal_type") is not null);

    public static ParsedThread Apply(JsonElement post, ParsedThread thread) =>
        SaysGone(post) ? thread with { Deleted = true, Body = "", Images = [] } : thread;

    public static ParsedReply Apply(JsonElement comment, ParsedReply reply) =>
        SaysGone(comment) ? reply with { Deleted = true, Body = "", Images = [] } : reply;
}
