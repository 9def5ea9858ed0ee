using System.Text.Json;
using System.Text.RegularExpressions;

namespace Crawler.Parsers.Forums;

/// <summary>
/// A forum described by a site file in config/sites/: where its listings and threads live and the CSS
/// selectors that find posts, authors, bodies and images in its pages. Adding a forum is adding a file.
/// </summary>
public sealed class ForumSite
{
    private readonly IReadOnlyDictionary<string, JsonElement> _values;

    private ForumSite(string name, IReadOnlyDictionary<string, JsonElement> values)
    {
        Name = name;
        _values = values;
        ThreadIdPattern = Pattern("threadIdPattern")!;
        PagePattern = Pattern("pagePattern");
        BoardPattern = Pattern("boardPattern");
        PostIdPattern = Pattern("postIdPattern");
    }

    /// <summary>The file's name without .json, unless the file sets <c>name</c>.</summary>
    public string Name { get; }

    /// <summary>The site's own base URL when the file gives one (sources may set another).</summary>
    public Uri? BaseUrl => Text("baseUrl") is { } url ? new Uri(url) : null;

    /// <summary>A board's thread list relative to the base URL, with <c>{board}</c>, e.g. <c>forums/{board}/</c>.</summary>
    public string ListingPath => Text("listingPath")!;

    /// <summary>A thread relative to the base URL, with <c>{id}</c>, e.g. <c>threads/{id}/</c>.</summary>
    public string ThreadPath => Text("threadPath")!;

    /// <summary>A post's URL from its thread's, with <c>{thread}</c> and <c>{id}</c>, e.g. <c>{thread}post-{id}</c>.</summary>
    public string ReplyUrl => Text("replyUrl")!;

    /// <summary>Keys the file says were not checked against a captured page of the forum.</summary>
    public IReadOnlyList<string> Inferred => Texts("inferred");

    public string? Notes => Text("notes");

    internal Regex ThreadIdPattern { get; }

    internal Regex? PagePattern { get; }

    internal Regex? BoardPattern { get; }

    internal Regex? PostIdPattern { get; }

    /// <exception cref="SiteFileException">The file, or a preset it extends, is missing, not JSON, or has a bad key.</exception>
    public static ForumSite Load(string path)
    {
        var (name, values) = SiteFileReader.Read(path);
        return new ForumSite(name, values);
    }

    /// <summary>A string key's value; null when the file and its presets leave it unset.</summary>
    internal string? Text(string key) => _values.TryGetValue(key, out var value) ? value.GetString() : null;

    internal IReadOnlyList<string> Texts(string key) =>
        _values.TryGetValue(key, out var value) ? value.EnumerateArray().Select(v => v.GetString()!).ToList() : [];

    private Regex? Pattern(string key) =>
        Text(key) is { } pattern ? new Regex(pattern, RegexOptions.CultureInvariant, SiteValueCheck.PatternTimeout) : null;
}
