using Crawler.Worker.Hosting;

namespace Crawler.Worker.Cli;

/// <summary>
/// Checks what the service's command line passes on to the host: <c>--urls</c>, <c>--environment</c> and
/// settings written <c>--Section:Key=value</c> or <c>--Section:Key value</c>. Anything else is refused, since
/// the configuration would otherwise take an unknown flag as a setting nobody reads, or swallow the next argument.
/// </summary>
internal static class HostArguments
{
    private static readonly HashSet<string> HostKeys = new(StringComparer.OrdinalIgnoreCase) { "urls", "environment" };

    /// <returns>What is wrong with the first argument that is not one of those; null when all are.</returns>
    public static string? Problem(IReadOnlyList<string> arguments)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (!argument.StartsWith("--", StringComparison.Ordinal))
            {
                return $"unexpected argument '{argument}'; give settings as --Section:Key=value";
            }
            var key = argument[2..].Split('=', 2)[0];
            if (!HostKeys.Contains(key) && !IsSetting(key))
            {
                return $"unknown option '{argument}'; the service takes --data-dir, --urls, --environment and settings as --Section:Key=value (sections: {string.Join(", ", CrawlerConfiguration.Sections)})";
            }
            if (!argument.Contains('=', StringComparison.Ordinal) && ++i >= arguments.Count)
            {
                return $"option '{argument}' needs a value";
            }
        }
        return null;
    }

    private static bool IsSetting(string key) =>
        key.Split(':') is [var section, _, ..] && CrawlerConfiguration.Sections.Contains(section, StringComparer.OrdinalIgnoreCase);
}
