namespace Crawler.Core.Domain;

/// <summary>A thread at a site; its <see cref="Key"/> (<c>site:thread</c>) names it in the work queue and in cluster ownership.</summary>
public readonly record struct ThreadRef(string Site, string Id)
{
    public string Key => $"{Site}:{Id}";

    /// <exception cref="FormatException">The key has no site before its first colon.</exception>
    public static ThreadRef Parse(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? new ThreadRef(key[..colon], key[(colon + 1)..]) : throw new FormatException($"Not a thread key: '{key}'");
    }

    public override string ToString() => Key;
}
