using System.Collections.Concurrent;
using Crawler.Parsers.Forums;
using Crawler.Worker.Sources;

namespace Crawler.Worker.Pipeline.Sites;

/// <summary>
/// The site files of forum and archived-site sources, by a source's <see cref="SourceOptions.Site"/>: a name in
/// the sites folder (<c>config/sites</c> beside the executable) or a file's path. Each is read once: a changed site
/// file takes a restart, which also lifts the pause of a source whose pages stopped matching it.
/// </summary>
public sealed class SiteFiles
{
    // The presets under the names users know the forum software by.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["xenforo"] = "xenforo2",
        ["vbulletin"] = "vbulletin4",
    };

    private readonly ConcurrentDictionary<string, ForumSite> _loaded = new(StringComparer.Ordinal);

    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "config", "sites");

    /// <summary>The path <paramref name="site"/> names; null when there is no such file.</summary>
    public static string? Find(string site, string folder)
    {
        if (site.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return File.Exists(site) ? site : null;
        }
        var name = Aliases.GetValueOrDefault(site, site);
        // Only a plain name is looked up in the folder: configuration never builds another path.
        if (name.Length == 0 || name.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.')) || name.StartsWith('.'))
        {
            return null;
        }
        var path = Path.Combine(folder, name + ".json");
        return File.Exists(path) ? path : null;
    }

    /// <exception cref="SiteFileException">The site file is missing or has problems (the validator reports them at start).</exception>
    public ForumSite For(SourceOptions source) =>
        _loaded.GetOrAdd(source.Site ?? "", name => Find(name, DefaultFolder) is { } path
            ? ForumSite.Load(path)
            : throw new SiteFileException([$"Site: no site file '{name}' in {DefaultFolder}"]));

    /// <summary>What is wrong with the source's site file, one line each.</summary>
    public IEnumerable<string> Problems(SourceOptions source)
    {
        if (string.IsNullOrWhiteSpace(source.Site))
        {
            return [$"Site: a '{source.Adapter}' source names its site file (a name in {DefaultFolder}, or a path)."];
        }
        try
        {
            For(source);
            return [];
        }
        catch (SiteFileException e)
        {
            return e.Errors.Select(error => error.StartsWith("Site:", StringComparison.Ordinal) ? error : $"Site: {error}");
        }
    }
}
