using Crawler.Parsers;
using Crawler.Parsers.Forums;

namespace Crawler.Worker.Cli;

/// <summary>Finds the forum parser <c>parse --site</c> names: a short name, a site file in the sites folder, or a site file's path.</summary>
internal static class ForumParsers
{
    // The two presets under the names users know the forum software by.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["xenforo"] = "xenforo2",
        ["vbulletin"] = "vbulletin4",
    };

    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "config", "sites");

    /// <returns>Null when <paramref name="site"/> names no site file.</returns>
    /// <exception cref="SiteFileException">The site file has problems.</exception>
    public static IPageParser? Find(string site, string folder)
    {
        if (site.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return File.Exists(site) ? new ForumPageParser(ForumSite.Load(site)) : null;
        }
        var name = Aliases.GetValueOrDefault(site, site);
        // Only a plain name is looked up in the folder: user input never builds another path.
        if (name.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.')) || name.StartsWith('.'))
        {
            return null;
        }
        var path = Path.Combine(folder, name + ".json");
        return File.Exists(path) ? new ForumPageParser(ForumSite.Load(path)) : null;
    }
}
