using Crawler.Fetching.Robots;
using Crawler.Fetching.Safety;
using Crawler.Fetching.Transport;
using Microsoft.Extensions.Options;

namespace Crawler.Fetching;

/// <summary>
/// Turns a URL into bytes, politely and safely: http(s) only; robots.txt consulted for every hop unless the
/// source is explicitly exempt; each hop sent in its host's turn with retries (<see cref="RetryingSender"/>);
/// redirects followed one guarded hop at a time; anything but a usable answer thrown as a
/// <see cref="FetchException"/> that says whether trying again later can help.
/// </summary>
public sealed class HttpFetcher(
    RetryingSender sender,
    RobotsCache robots,
    IFetchExemptions exemptions,
    IOptions<FetchOptions> options,
    TimeProvider time) : IFetcher
{
    public async Task<FetchResponse> FetchAsync(FetchRequest request, CancellationToken ct)
    {
        Schemes.EnsureWeb(request.Url);
        var settings = options.Value;
        var exempt = exemptions.SkipsRobots(request.Source);
        var exchange = HttpExchange.For(request, request.Kind == FetchKind.Image ? settings.MaxImageBytes : settings.MaxPageBytes);
        var redirects = new Redirects(settings.MaxRedirects);
        while (true)
        {
            if (!exempt)
            {
                await EnsureAllowedAsync(exchange.Url, ct);
            }
            var result = await sender.SendAsync(exchange, ct);
            if (!result.IsRedirect)
            {
                return Usable(result);
            }
            exchange = redirects.Next(exchange, result);
        }
    }

    private async Task EnsureAllowedAsync(Uri url, CancellationToken ct)
    {
        var verdict = await robots.CheckAsync(url, ct);
        if (!verdict.Allowed)
        {
            throw new FetchException(verdict.Reason ?? "disallowed by robots.txt", verdict.Transient);
        }
    }

    private FetchResponse Usable(ExchangeResult result)
    {
        if (result.Succeeded)
        {
            return new FetchResponse(
                result.Status,
                result.Body,
                result.ContentType,
                result.Header("etag"),
                result.Header("last-modified"),
                result.Url,
                result.Headers);
        }
        var reason = result.Status is >= 300 and < 400 ? $"{result.Describe()} without a Location to follow" : result.Describe();
        throw new FetchException(
            reason,
            RetryingSender.RetryableStatus(result.Status),
            result.Status,
            RetryAfter.Parse(result.Header("retry-after"), time.GetUtcNow()),
            headers: result.Headers);
    }
}
