using System.Text.RegularExpressions;

namespace Crawler.Worker.Images;

/// <summary>
/// Reads <c>X-Robots-Tag</c> (comma-separated directives, optionally for one agent: <c>otherbot: noai</c>) and
/// finds the refused directives that apply to us: those without an agent and those naming our token.
/// </summary>
public static partial class XRobotsTag
{
    [GeneratedRegex(@"^(?<agent>[A-Za-z0-9_-]+)\s*:\s*(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex AgentPrefix();

    public static string? Refusal(string? header, string productToken, IReadOnlyCollection<string> refused)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }
        string? agent = null;
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var directive = part;
            // 'unavailable_after: <date>' is a directive with a value, not an agent.
            if (AgentPrefix().Match(part) is { Success: true } prefixed && !prefixed.Groups["agent"].Value.Equals("unavailable_after", StringComparison.OrdinalIgnoreCase))
            {
                agent = prefixed.Groups["agent"].Value;
                directive = prefixed.Groups["rest"].Value.Trim();
            }
            var applies = agent is null || agent.Equals(productToken, StringComparison.OrdinalIgnoreCase);
            if (applies && refused.Contains(directive, StringComparer.OrdinalIgnoreCase))
            {
                return $"not used: X-Robots-Tag says {directive.ToLowerInvariant()}";
            }
        }
        return null;
    }
}
