using Crawler.Parsers;
using Crawler.Parsers.Forums;
using Crawler.Worker.Pipeline.Sites;

namespace Crawler.Worker.Cli;

/// <summary>Finds the forum parser <c>parse --site</c> names: a short name, a site file in the sites folder, or a site file's path.</summary>
internal static class ForumParsers
{
    public static string DefaultFolder => SiteFiles.DefaultFolder;

    /// <returns>Null when <paramref name="site"/> names no site file.</returns>
    /// <exception cref="SiteFileException">The site file has problems.</exception>
    public static IPageParser? Find(string site, string folder) =>
        SiteFiles.Find(site, folder) is { } path ? new ForumPageParser(ForumSite.Load(path)) : null;
}
