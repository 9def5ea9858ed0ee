using System.Globalization;
using Crawler.Fetching.Safety;

namespace Crawler.Fetching.Transport;

/// <summary>
/// Follows redirects one hop at a time with a limit and loop detection. A hop to another origin drops the
/// request's own headers (an API's Authorization must not travel to whoever a Location names), and 303,
/// or 301/302 after a POST, turns the request into a GET without a body, as browsers do.
/// </summary>
public sealed class Redirects(int limit)
{
    private readonly HashSet<Uri> _visited = [];
    private int _hops;

    public HttpExchange Next(HttpExchange current, ExchangeResult redirect)
    {
        _visited.Add(current.Url);
        if (!Uri.TryCreate(current.Url, redirect.Header("location"), out var target))
        {
            throw new FetchException($"redirect ({redirect.Status}) to an invalid location '{redirect.Header("location")}'", transient: false, redirect.Status);
        }
        Schemes.EnsureWeb(target);
        if (++_hops > limit)
        {
            throw new FetchException(string.Create(CultureInfo.InvariantCulture, $"too many redirects: more than {limit}, last to {target}"), transient: false, redirect.Status);
        }
        if (_visited.Contains(target))
        {
            throw new FetchException($"redirect loop: {target} was already visited", transient: false, redirect.Status);
        }
        var sameOrigin = Uri.Compare(current.Url, target, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
        var toGet = redirect.Status == 303 || (redirect.Status is 301 or 302 && current.Method == HttpMethod.Post);
        return current with
        {
            Url = target,
            Method = toGet ? HttpMethod.Get : current.Method,
            Body = toGet ? null : current.Body,
            Headers = sameOrigin ? current.Headers : null,
            // Validators belong to the URL first asked for.
            ETag = null,
            LastModified = null,
        };
    }
}
