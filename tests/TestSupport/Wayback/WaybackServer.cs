using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Crawler.TestSupport.Wayback;

/// <summary>
/// The Wayback Machine on 127.0.0.1, answering from the captures a test adds: the CDX API
/// (<c>/cdx/search/cdx</c>, see <see cref="CdxSearch"/>), raw replays (<c>/web/&lt;ts&gt;id_/&lt;original&gt;</c>:
/// the exact bytes and content type of the capture at that timestamp, else a 302 to the nearest capture's raw
/// URL, 404 when the URL was never captured), replays with the toolbar and rewritten links
/// (<c>/web/&lt;ts&gt;/&lt;original&gt;</c>, see <see cref="ReplayRewriter"/>) and a robots.txt that allows all.
/// It counts requests by kind and can answer the next requests 429.
/// </summary>
public sealed partial class WaybackServer : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly List<ArchivedCapture> _captures = [];
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentDictionary<WaybackRequestKind, int> _counts = new();
    private int _rateLimited;
    private int _rateLimitedAnswers;

    private WaybackServer(LoopbackServer server) => _server = server;

    /// <summary>The archive's root (<c>http://127.0.0.1:port/</c>), what the crawler is configured with.</summary>
    public Uri BaseUrl => _server.BaseUrl;

    /// <summary>Every request's path and query, in arrival order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>Requests answered 429 so far.</summary>
    public int RateLimitedAnswers => Volatile.Read(ref _rateLimitedAnswers);

    public static async Task<WaybackServer> StartAsync()
    {
        WaybackServer? self = null;
        var server = await LoopbackServer.StartAsync(app => app.Map("/{**path}", (HttpContext c) => self!.AnswerAsync(c)));
        self = new WaybackServer(server);
        return self;
    }

    /// <summary>
    /// Archives <paramref name="body"/> as fetched from <paramref name="original"/> at a 14-digit timestamp. Its
    /// digest is opaque, like the archive's (which is a base32 SHA-1): equal bodies, equal digests.
    /// </summary>
    public void AddCapture(string original, string timestamp, byte[] body, string contentType, int status = 200)
    {
        if (timestamp.Length != 14)
        {
            throw new ArgumentException($"a capture's timestamp has 14 digits, not '{timestamp}'", nameof(timestamp));
        }
        WaybackTime.Parse(timestamp);
        var capture = new ArchivedCapture(UrlKey.For(original), timestamp, original, body, contentType, status, Convert.ToHexString(SHA256.HashData(body))[..32]);
        lock (_captures)
        {
            _captures.Add(capture);
        }
    }

    /// <summary>The next <paramref name="n"/> requests, whatever they ask, answer 429 with Retry-After: 1.</summary>
    public void RateLimitNext(int n) => Interlocked.Add(ref _rateLimited, n);

    public int Count(WaybackRequestKind kind) => _counts.GetValueOrDefault(kind);

    /// <summary>The raw replay URL of a capture, as a crawler should ask for it.</summary>
    public Uri RawUrl(string timestamp, string original) => new(BaseUrl, $"web/{timestamp}id_/{original}");

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task AnswerAsync(HttpContext context)
    {
        // The raw target, not the decoded path: the original URL inside it must arrive as the client wrote it.
        var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        _requests.Enqueue(target);
        var replay = Replay().Match(target);
        var kind = context.Request.Path.Value switch
        {
            "/cdx/search/cdx" => WaybackRequestKind.Cdx,
            "/robots.txt" => WaybackRequestKind.Robots,
            _ when replay.Success => replay.Groups["modifier"].Value is "id_" or "im_" ? WaybackRequestKind.Raw : WaybackRequestKind.Rewritten,
            _ => WaybackRequestKind.Other,
        };
        _counts.AddOrUpdate(kind, 1, (_, n) => n + 1);
        if (TakeRateLimit())
        {
            Interlocked.Increment(ref _rateLimitedAnswers);
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = "1";
            await context.Response.WriteAsync("Too Many Requests");
            return;
        }
        switch (kind)
        {
            case WaybackRequestKind.Cdx:
                await AnswerCdxAsync(context);
                break;
            case WaybackRequestKind.Robots:
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync("User-agent: *\nAllow: /\n");
                break;
            case WaybackRequestKind.Raw or WaybackRequestKind.Rewritten:
                await AnswerReplayAsync(context, replay.Groups["timestamp"].Value, replay.Groups["modifier"].Value, replay.Groups["original"].Value);
                break;
            default:
                context.Response.StatusCode = 404;
                break;
        }
    }

    private bool TakeRateLimit()
    {
        while (Volatile.Read(ref _rateLimited) is var left and > 0)
        {
            if (Interlocked.CompareExchange(ref _rateLimited, left - 1, left) == left)
            {
                return true;
            }
        }
        return false;
    }

    private async Task AnswerCdxAsync(HttpContext context)
    {
        try
        {
            var (body, contentType) = CdxSearch.Answer(Snapshot(), context.Request.Query);
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body);
        }
        catch (FormatException e)
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync(e.Message);
        }
    }

    private async Task AnswerReplayAsync(HttpContext context, string timestamp, string modifier, string original)
    {
        original = OneSlash().Replace(original, "${scheme}://");
        if (!original.Contains("://", StringComparison.Ordinal))
        {
            original = "http://" + original;
        }
        var key = UrlKey.For(original);
        var wanted = WaybackTime.Parse(timestamp);
        var nearest = Snapshot().Where(c => c.UrlKey == key)
            .OrderBy(c => (c.Instant - wanted).Duration()).ThenBy(c => c.Timestamp, StringComparer.Ordinal).FirstOrDefault();
        if (nearest is null)
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("Wayback Machine has not archived that URL.");
            return;
        }
        if (nearest.Timestamp != timestamp)
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = new Uri(BaseUrl, $"web/{nearest.Timestamp}{modifier}/{nearest.Original}").AbsoluteUri;
            return;
        }
        var rewrite = modifier is not ("id_" or "im_") && nearest.MimeType == "text/html";
        var body = rewrite ? ReplayRewriter.Rewrite(nearest) : nearest.Body;
        context.Response.StatusCode = nearest.Status;
        context.Response.ContentType = rewrite ? "text/html; charset=utf-8" : nearest.ContentType;
        context.Response.Headers["Memento-Datetime"] = nearest.Instant.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        await context.Response.Body.WriteAsync(body);
    }

    private List<ArchivedCapture> Snapshot()
    {
        lock (_captures)
        {
            return [.. _captures];
        }
    }

    [GeneratedRegex(@"^/web/(?<timestamp>[0-9]{1,14})(?<modifier>[a-z]{2}_)?/(?<original>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Replay();

    [GeneratedRegex(@"^(?<scheme>https?):/(?!/)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OneSlash();
}
