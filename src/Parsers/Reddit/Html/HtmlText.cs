using System.Text;
using AngleSharp.Dom;

namespace Crawler.Parsers.Reddit.Html;

/// <summary>
/// The text of rendered markdown (a <c>.md</c> element) as a reader sees it: paragraphs and list items on
/// their own lines, source indentation and line wrapping collapsed, so it reads like the API's body text.
/// </summary>
internal static class HtmlText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "ul", "ol", "figure", "hr",
    };

    public static string Of(IElement? root)
    {
        if (root is null)
        {
            return "";
        }
        var text = new StringBuilder();
        Append(root, text, preformatted: false);
        return Tidy(text.ToString());
    }

    private static void Append(INode node, StringBuilder text, bool preformatted)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText leaf:
                    text.Append(preformatted ? leaf.Data : Collapse(leaf.Data));
                    break;
                case IElement { LocalName: "br" }:
                    text.Append('\n');
                    break;
                case IElement element when Blocks.Contains(element.LocalName):
                    text.Append("\n\n").Append(element.LocalName == "li" ? "- " : "");
                    Append(element, text, preformatted || element.LocalName == "pre");
                    text.Append("\n\n");
                    break;
                case IElement element:
                    Append(element, text, preformatted);
                    break;
            }
        }
    }

    private static string Collapse(string data)
    {
        var collapsed = new StringBuilder(data.Length);
        foreach (var c in data)
        {
            if (!char.IsWhiteSpace(c) || c == '\u00a0')
            {
                collapsed.Append(c);
            }
            else if (collapsed.Length == 0 || collapsed[^1] != ' ')
            {
                collapsed.Append(' ');
            }
        }
        return collapsed.ToString();
    }

    /// <summary>Trims each line and keeps at most one blank line between blocks.</summary>
    private static string Tidy(string raw)
    {
        var lines = raw.Replace('\u00a0', ' ').Split('\n').Select(l => l.Trim());
        var result = new StringBuilder();
        var blank = 0;
        foreach (var line in lines)
        {
            blank = line.Length == 0 ? blank + 1 : 0;
            if (blank <= 1)
            {
                result.Append(line).Append('\n');
            }
        }
        return result.ToString().Trim();
    }
}
