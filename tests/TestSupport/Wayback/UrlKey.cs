namespace Crawler.TestSupport.Wayback;

/// <summary>
/// The archive's sort key for a URL, a simplified SURT: lowercase, no scheme, no fragment, a leading "www."
/// and a default port dropped, host labels reversed and comma-joined, then ")" and the path and query, without
/// a trailing slash unless the path is just "/". So <c>http://www.Forum.example/Threads/a.1/</c> and
/// <c>https://forum.example/threads/a.1</c> share the key <c>example,forum)/threads/a.1</c>. The real
/// canonicaliser also sorts query parameters and strips session ids; these tests need neither.
/// </summary>
public static class UrlKey
{
    public static string For(string url)
    {
        var text = url.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "http://" + text;
        }
        var uri = new Uri(text, UriKind.Absolute);
        var host = uri.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }
        var reversed = string.Join(',', host.Split('.').Reverse());
        if (!uri.IsDefaultPort)
        {
            reversed += ":" + uri.Port;
        }
        var path = uri.AbsolutePath.Length > 1 ? uri.AbsolutePath.TrimEnd('/') : "/";
        return (reversed + ")" + path + uri.Query).ToLowerInvariant();
    }

    /// <summary>The host part of a key, before the ")".</summary>
    public static string Host(string key) => key[..key.IndexOf(')', StringComparison.Ordinal)];
}
