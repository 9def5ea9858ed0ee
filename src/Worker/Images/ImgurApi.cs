using Crawler.Fetching;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Images;

/// <summary>
/// Resolves imgur albums and gallery posts through API v3 (<c>album/ID</c>, <c>gallery/ID</c>) with the
/// Client-ID from the environment, and hands the API's announced user budget to the host's politeness.
/// </summary>
public sealed class ImgurApi(IFetcher fetcher, IHostBudget budget, ImgurCredentials credentials, IOptions<ImageHostsOptions> options, TimeProvider time)
{
    public const string Source = "imgur-api";

    public async Task<ImageTarget> ResolveAsync(ImgurLinks.Kind kind, string id, CancellationToken ct)
    {
        var what = kind == ImgurLinks.Kind.Album ? "album" : "gallery post";
        if (credentials.ClientId is not { } clientId)
        {
            throw new FetchException(
                $"unresolvable: imgur {what} {id} needs the imgur API, and no Client-ID is set (environment variable {options.Value.ImgurClientIdVariable})",
                transient: false);
        }
        var api = new Uri(new Uri(options.Value.ImgurApiBase), kind == ImgurLinks.Kind.Album ? $"album/{id}" : $"gallery/{id}");
        var headers = new Dictionary<string, string> { ["Authorization"] = $"Client-ID {clientId}" };
        FetchResponse response;
        try
        {
            response = await fetcher.FetchAsync(new FetchRequest(api, FetchKind.Page, Source, Headers: headers), ct);
        }
        catch (FetchException e) when (e.StatusCode is 404 or 403)
        {
            throw new FetchException($"unresolvable: imgur {what} {id} is gone or private ({e.Message})", transient: false, e.StatusCode, inner: e);
        }
        ShareBudget(api.Host, response);
        return Target(ImgurJson.Images(response.Body, what, id));
    }

    /// <summary>The album's first image is the target; the others are kept in order on the row.</summary>
    private static ImageTarget Target(IReadOnlyList<ImgurJson.Entry> images) =>
        new(images[0].Still, images.Skip(1).Select(i => i.Still.AbsoluteUri).ToList());

    /// <summary>imgur counts requests per user per hour and says when the count resets (a Unix time).</summary>
    private void ShareBudget(string host, FetchResponse response)
    {
        if (double.TryParse(response.Header("x-ratelimit-userremaining"), System.Globalization.CultureInfo.InvariantCulture, out var remaining)
            && RetryAfterOf(response.Header("x-ratelimit-userreset")) is { } resetsIn)
        {
            budget.Update(host, remaining, resetsIn);
        }
    }

    private TimeSpan? RetryAfterOf(string? unixSeconds) =>
        long.TryParse(unixSeconds, System.Globalization.CultureInfo.InvariantCulture, out var at)
            ? Max(DateTimeOffset.FromUnixTimeSeconds(at) - time.GetUtcNow(), TimeSpan.Zero)
            : null;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
