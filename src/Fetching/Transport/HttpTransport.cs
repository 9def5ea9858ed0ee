using System.Globalization;
using System.Net;
using Crawler.Fetching.Safety;
using Microsoft.Extensions.Options;

namespace Crawler.Fetching.Transport;

/// <summary>
/// Sends one exchange on a client of our own (no global resilience handler, no proxy, no automatic
/// redirects): every connection goes through the address guard, the whole exchange runs under the
/// kind's total timeout, and failures become <see cref="FetchException"/>s that say whether to retry.
/// </summary>
public sealed class HttpTransport : IDisposable
{
    private readonly HttpClient _client;
    private readonly BodyReader _reader;
    private readonly FetchOptions _options;
    private readonly TimeProvider _time;

    public HttpTransport(GuardedConnector connector, BodyReader reader, IOptions<FetchOptions> options, TimeProvider time)
    {
        _reader = reader;
        _options = options.Value;
        _time = time;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = connector.ConnectAsync,
            // A proxy would be connected to instead of the target, and the guard would judge the wrong address.
            UseProxy = false,
            // Redirects are followed by the fetcher, one guarded and polite hop at a time.
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            // Connections are re-made (and so re-resolved and re-checked) at least this often.
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(_options.ConnectTimeoutSeconds),
            UseCookies = false,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(_options.UserAgent);
    }

    public TimeSpan TimeoutFor(FetchKind kind) =>
        TimeSpan.FromSeconds(kind == FetchKind.Image ? _options.ImageTimeoutSeconds : _options.PageTimeoutSeconds);

    public async Task<ExchangeResult> SendAsync(HttpExchange exchange, CancellationToken ct)
    {
        var timeout = TimeoutFor(exchange.Kind);
        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        var started = _time.GetTimestamp();
        try
        {
            using var message = RequestMessages.Build(exchange);
            using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var latency = _time.GetElapsedTime(started);
            var status = (int)response.StatusCode;
            var body = status is >= 200 and < 300 && exchange.Method != HttpMethod.Head
                ? await _reader.ReadAsync(response.Content, exchange.MaxBytes, exchange.TruncateAtCap, linked.Token)
                : [];
            return new ExchangeResult(status, response.ReasonPhrase, RequestMessages.HeadersOf(response), body, exchange.Url, latency);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new FetchException(string.Create(CultureInfo.InvariantCulture, $"timed out after {timeout.TotalSeconds:0} s"), transient: true, inner: e);
        }
        catch (HttpRequestException e) when (Find<AddressRefusedException>(e) is { } refusal)
        {
            throw new FetchException(refusal.Message, transient: false, inner: e);
        }
        catch (HttpRequestException e)
        {
            throw new FetchException($"network error: {Innermost(e)}", transient: true, inner: e);
        }
        catch (IOException e)
        {
            throw new FetchException($"connection broken while reading the body: {Innermost(e)}", transient: true, inner: e);
        }
        catch (InvalidDataException e)
        {
            throw new FetchException($"corrupt content encoding: {e.Message}", transient: false, inner: e);
        }
    }

    public void Dispose() => _client.Dispose();

    private static T? Find<T>(Exception e)
        where T : Exception =>
        e as T ?? (e.InnerException is { } inner ? Find<T>(inner) : null);

    /// <summary>The cause nearest the socket says most ("Connection reset by peer"), the outer one least.</summary>
    private static string Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e.Message;
}
