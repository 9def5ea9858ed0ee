using Crawler.Worker.Catalog;
namespace Crawler.Worker.Exporting;

/// <summary>
/// Puts deletion keys in the form the catalog and a snapshot's columns use, so the same thing written two
/// ways is one deletion.
/// </summary>
public static class DeletionKeys
{
    public static string Normalize(string site, string kind, string key) => kind switch
    {
        DeletionKinds.Url => Url(key),
        // Reddit "fullnames" (t3_ for posts, t1_ for comments) name the same things as the bare ids the catalog keeps.
        _ when site == "reddit" && key.Length > 3 && key[0] == 't' && key[2] == '_' => key[3..],
        _ => key,
    };

    /// <summary>
    /// Host (lower case, without <c>www.</c>) and path (without a trailing slash); scheme, query and fragment
    /// are dropped, so <c>http://www.reddit.com/r/x/comments/abc/t/?utm=1</c> matches the thread's own URL.
    /// </summary>
    public static string Url(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return url.Trim();
        }
        var host = uri.Host.StartsWith("www.", StringComparison.Ordinal) ? uri.Host[4..] : uri.Host;
        return host + uri.AbsolutePath.TrimEnd('/');
    }
}
