using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Crawler.Parsers.Text;

namespace Crawler.Parsers.Reddit.Html;

/// <summary>
/// Reads one old.reddit <c>.thing</c> row. Recent pages carry most facts as <c>data-*</c> attributes; pages
/// from before about 2014 carry only <c>data-fullname</c>, so every fact falls back to the visible markup.
/// Nested comments live in the row's <c>.child</c>, so facts are read from its own <c>.entry</c> only.
/// </summary>
internal static partial class OldRedditThing
{
    private const string Deleted = "[deleted]";
    private const string Removed = "[removed]";

    // Rows without data-type say what they are in their classes.
    private static readonly string[] KindClasses = ["link", "comment", "morechildren", "morerecursion"];

    [GeneratedRegex(@"-?\d[\d,.]*", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    public static string Kind(IElement thing) =>
        thing.GetAttribute("data-type")
        ?? KindClasses.FirstOrDefault(thing.ClassList.Contains)
        ?? "(none)";

    public static string Id(IElement thing) =>
        JsonElementExtensions.WithoutTypePrefix(thing.GetAttribute("data-fullname"))
        ?? throw new PageFormatException($"a {Kind(thing)} row without data-fullname");

    public static IElement? Entry(IElement thing) => thing.Children.FirstOrDefault(c => c.ClassList.Contains("entry"));

    public static string? Author(IElement thing)
    {
        var author = thing.GetAttribute("data-author") ?? Entry(thing)?.QuerySelector(".tagline .author")?.TextContent.Trim();
        return string.IsNullOrEmpty(author) || author == Deleted ? null : author;
    }

    /// <summary>Seconds since the epoch: <c>data-timestamp</c> (milliseconds), else the tagline's <c>time</c>.</summary>
    public static long Created(IElement thing)
    {
        if (long.TryParse(thing.GetAttribute("data-timestamp"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms))
        {
            return ms / 1000;
        }
        var time = Entry(thing)?.QuerySelector(".tagline time:not(.edited-timestamp)")?.GetAttribute("datetime");
        return DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToUnixTimeSeconds()
            : 0;
    }

    /// <summary>The score shown to logged-out readers; 0 while Reddit hides it (<c>score-hidden</c>).</summary>
    public static int Score(IElement thing)
    {
        if (thing.GetAttribute("data-score") is { } data && int.TryParse(data, CultureInfo.InvariantCulture, out var score))
        {
            return score;
        }
        var shown = Entry(thing)?.QuerySelector(".tagline .score.unvoted");
        var text = shown?.GetAttribute("title") is { Length: > 0 } title ? title : shown?.TextContent;
        return text is not null && Number().Match(text) is { Success: true } match
            && int.TryParse(match.Value.Replace(",", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture, out var shownScore)
            ? shownScore
            : 0;
    }

    /// <summary>The rendered markdown of the row's own text (a self post's body, a comment).</summary>
    public static IElement? Markdown(IElement thing) => Entry(thing)?.QuerySelector(".usertext-body .md");

    public static bool IsGone(IElement thing, string body) =>
        thing.ClassList.Contains("deleted") || body is Deleted or Removed;

    public static string? Flair(IElement thing)
    {
        var label = Entry(thing)?.QuerySelector(".linkflairlabel");
        var text = label?.GetAttribute("title") is { Length: > 0 } title ? title : label?.TextContent.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    public static bool Nsfw(IElement thing) =>
        thing.GetAttribute("data-nsfw") == "true" || thing.ClassList.Contains("over18")
        || Entry(thing)?.QuerySelector(".nsfw-stamp") is not null;
}
