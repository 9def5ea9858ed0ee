using Crawler.Core.Domain;

namespace Crawler.Parsers.Reddit;

/// <summary>Who is who in a thread: the requester, the bots, and the replies that may hold edits.</summary>
internal sealed class RedditThreadRoles(ParsedThread thread, RedditPairingOptions options)
{
    public bool IsRequester(ParsedReply reply) =>
        thread.Author is not null && string.Equals(reply.Author, thread.Author, StringComparison.OrdinalIgnoreCase);

    public bool IsBot(ParsedReply reply) =>
        reply.Author is not null && options.BotsInForce.Contains(reply.Author, StringComparer.OrdinalIgnoreCase);

    /// <summary>A reply with images by a living account other than the requester or a bot.</summary>
    public bool IsPossibleEdit(ParsedReply reply) =>
        reply.Images.Count > 0 && reply.Author is not null && !IsRequester(reply) && !IsBot(reply);

    /// <summary>Why a reply's image is not an edit; null when it is one.</summary>
    public string? DropReason(ParsedReply reply, string imageUrl)
    {
        if (reply.Author is null)
        {
            return "editor account deleted";
        }
        if (IsRequester(reply))
        {
            return "reply by the requester";
        }
        if (IsBot(reply))
        {
            return $"reply by bot {reply.Author}";
        }
        return thread.Images.Any(original => RedditMedia.SameMedia(original, imageUrl)) ? "quotes the original image" : null;
    }
}
