namespace Crawler.Fetching.Safety;

/// <summary>Only http and https are fetched: no file:, ftp:, data: or gopher:, whether asked for or redirected to.</summary>
public static class Schemes
{
    public static void EnsureWeb(Uri url)
    {
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https"))
        {
            throw new FetchException($"refused: scheme '{(url.IsAbsoluteUri ? url.Scheme : "relative")}' is not http or https", transient: false);
        }
    }
}
