using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Fetching;

/// <summary>
/// Plain HTTP(S) GETs with the service's own limits: scheme check, guarded connections, byte caps that
/// also bound decompression, a total timeout, conditional requests, and failures sorted into retryable
/// and final.
/// </summary>
public sealed class HttpFetcher : IFetcher, IHostBudget, IDisposable
{
    private readonly HttpClient _client;
    private readonly FetchOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _exhaustedUntil = new(StringComparer.OrdinalIgnoreCase);

    public HttpFetcher(GuardedConnector connector, IOptions<FetchOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = connector.ConnectAsync,
            AllowAutoRedirect = _options.MaxRedirects > 0,
            MaxAutomaticRedirections = Math.Max(1, _options.MaxRedirects),
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(15),
            UseCookies = false,
        };
        // Timeouts are per request (pages and images differ), so the client's own one is off.
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(_options.UserAgent);
    }

    public async Task<FetchResponse> FetchAsync(FetchRequest request, CancellationToken ct)
    {
        if (request.Url.Scheme is not ("http" or "https"))
        {
            throw new FetchException($"refused: scheme '{request.Url.Scheme}' is not http or https", transient: false);
        }
        var (cap, timeout) = request.Kind == FetchKind.Image
            ? (_options.MaxImageBytes, TimeSpan.FromSeconds(_options.ImageTimeoutSeconds))
            : (_options.MaxPageBytes, TimeSpan.FromSeconds(_options.PageTimeoutSeconds));
        await WaitForBudgetAsync(request.Url.Host, ct);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            using var message = BuildRequest(request);
            using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            ThrowUnlessUsable(response);
            var body = response.StatusCode == HttpStatusCode.NotModified
                ? []
                : await ReadCappedAsync(response.Content, cap, deadline.Token);
            return new FetchResponse(
                (int)response.StatusCode,
                body,
                response.Content.Headers.ContentType?.MediaType,
                response.Headers.ETag?.ToString(),
                response.Content.Headers.LastModified?.ToString("R"),
                response.RequestMessage?.RequestUri ?? request.Url,
                HeadersOf(response));
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new FetchException($"timed out after {timeout.TotalSeconds:0} s", transient: true, inner: e);
        }
        catch (HttpRequestException e) when (Refusal(e) is { } refusal)
        {
            throw new FetchException(refusal.Message, transient: false, inner: e);
        }
        catch (HttpRequestException e)
        {
            throw new FetchException($"network error: {e.Message}", transient: true, inner: e);
        }
        catch (IOException e)
        {
            throw new FetchException($"connection broken while reading: {e.Message}", transient: true, inner: e);
        }
    }

    /// <summary>An exhausted budget holds back requests to the host until the window resets.</summary>
    public void Update(string host, double remaining, TimeSpan resetsIn)
    {
        if (remaining < 1)
        {
            _exhaustedUntil[host] = _time.GetUtcNow() + resetsIn;
        }
        else
        {
            _exhaustedUntil.TryRemove(host, out _);
        }
    }

    public void Dispose() => _client.Dispose();

    private async Task WaitForBudgetAsync(string host, CancellationToken ct)
    {
        if (_exhaustedUntil.TryGetValue(host, out var until) && until > _time.GetUtcNow())
        {
            await Task.Delay(until - _time.GetUtcNow(), _time, ct);
        }
    }

    private static HttpRequestMessage BuildRequest(FetchRequest request)
    {
        var message = new HttpRequestMessage(request.Method ?? HttpMethod.Get, request.Url);
        foreach (var (name, value) in request.Headers ?? new Dictionary<string, string>())
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }
        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue(request.BodyType ?? "application/x-www-form-urlencoded");
        }
        if (request.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            message.Headers.IfNoneMatch.Add(tag);
        }
        if (request.LastModified is { } modified && DateTimeOffset.TryParse(modified, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var since))
        {
            message.Headers.IfModifiedSince = since;
        }
        return message;
    }

    private static void ThrowUnlessUsable(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode || status == 304)
        {
            return;
        }
        var transient = status is 408 or 425 or 429 or >= 500;
        var retryAfter = response.Headers.RetryAfter is { } ra
            ? ra.Delta ?? (ra.Date is { } date ? date - DateTimeOffset.UtcNow : null)
            : null;
        throw new FetchException($"HTTP {status} {response.ReasonPhrase}", transient, status, retryAfter, headers: HeadersOf(response));
    }

    /// <summary>Reads at most <paramref name="cap"/> bytes of the decoded body; more is refused, so a compression bomb stops at the cap.</summary>
    private static async Task<byte[]> ReadCappedAsync(HttpContent content, long cap, CancellationToken ct)
    {
        if (content.Headers.ContentLength is { } declared && declared > cap)
        {
            throw new FetchException($"too large: {declared:N0} bytes declared, the cap is {cap:N0}", transient: false);
        }
        await using var stream = await content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > cap)
            {
                throw new FetchException($"too large: the body exceeds the cap of {cap:N0} bytes", transient: false);
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static Dictionary<string, string> HeadersOf(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers)
            .GroupBy(h => h.Key.ToLowerInvariant())
            .ToDictionary(g => g.Key, g => string.Join(", ", g.SelectMany(h => h.Value)));

    private static AddressRefusedException? Refusal(Exception e) =>
        e as AddressRefusedException ?? (e.InnerException is { } inner ? Refusal(inner) : null);
}
