namespace Crawler.Worker.Catalog.Stores;

/// <summary>Work-item keys of thread stages: <c>site:thread</c>.</summary>
public static class ThreadKey
{
    public static string Format(string site, string threadId) => $"{site}:{threadId}";

    public static (string Site, string ThreadId) Parse(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? (key[..colon], key[(colon + 1)..]) : throw new FormatException($"Not a thread key: '{key}'");
    }
}
