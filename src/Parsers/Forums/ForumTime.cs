using System.Globalization;
using AngleSharp.Dom;

namespace Crawler.Parsers.Forums;

/// <summary>When a post was written, from the element a site file points at: the machine-readable attributes forums add first, then its text.</summary>
internal static class ForumTime
{
    /// <returns>Seconds since the Unix epoch; 0 when the element is absent or holds no time.</returns>
    public static long Of(IElement? element)
    {
        if (element is null)
        {
            return 0;
        }
        // XenForo's data-timestamp and vBulletin's data-time are Unix seconds already.
        foreach (var name in (string[])["data-timestamp", "data-time"])
        {
            if (long.TryParse(element.GetAttribute(name), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return seconds;
            }
        }
        foreach (var text in (string?[])[element.GetAttribute("datetime"), element.GetAttribute("title"), element.TextContent])
        {
            if (Parse(text) is { } time)
            {
                return time;
            }
        }
        return 0;
    }

    private static long? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        // Forums print local times without a zone; without one, UTC is the only guess that does not depend on this machine.
        return DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var time)
            ? time.ToUnixTimeSeconds()
            : null;
    }
}
