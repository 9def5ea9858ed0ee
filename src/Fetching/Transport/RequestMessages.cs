using System.Globalization;
using System.Net.Http.Headers;

namespace Crawler.Fetching.Transport;

/// <summary>Turns an <see cref="HttpExchange"/> into the request message sent, conditional headers included.</summary>
internal static class RequestMessages
{
    public static HttpRequestMessage Build(HttpExchange exchange)
    {
        var message = new HttpRequestMessage(exchange.Method, exchange.Url);
        foreach (var (name, value) in exchange.Headers ?? new Dictionary<string, string>())
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }
        if (exchange.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue(exchange.BodyType ?? "application/x-www-form-urlencoded");
        }
        if (exchange.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            message.Headers.IfNoneMatch.Add(tag);
        }
        if (exchange.LastModified is { } modified
            && DateTimeOffset.TryParse(modified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
        {
            message.Headers.IfModifiedSince = since;
        }
        return message;
    }

    public static Dictionary<string, string> HeadersOf(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers)
            .GroupBy(h => h.Key.ToLowerInvariant())
            .ToDictionary(g => g.Key, g => string.Join(", ", g.SelectMany(h => h.Value)));
}
