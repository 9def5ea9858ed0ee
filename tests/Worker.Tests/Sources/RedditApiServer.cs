using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crawler.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Crawler.Worker.Tests.Sources;

/// <summary>
/// Reddit's OAuth API on 127.0.0.1, answering from the files in Fixtures/reddit-api in Reddit's own formats:
/// the token endpoint (Basic auth), <c>/r/NAME/new.json</c> pages, <c>/comments/ID.json</c> with ETags,
/// <c>/api/morechildren</c> and <c>/api/info</c>. Every answer carries X-Ratelimit headers; a test can make
/// chosen requests answer 429. It records what was asked, for assertions.
/// </summary>
internal sealed class RedditApiServer : IAsyncDisposable
{
    public const string ClientId = "crawler-test-client";
    public const string ClientSecret = "s3cret-for-loopback-only";

    private readonly LoopbackServer _server;
    private readonly ConcurrentQueue<string> _requests = new();
    private int _tokens;

    private RedditApiServer(LoopbackServer server) => _server = server;

    public Uri BaseUrl => _server.BaseUrl;

    public Uri TokenUrl => _server.Url("api/v1/access_token");

    public IReadOnlyList<string> Requests => [.. _requests];

    public Uri Url(string relative) => _server.Url(relative);

    /// <summary>Revokes every token issued so far, as Reddit does when the app's secret is reset.</summary>
    public void RevokeTokens() => Interlocked.Increment(ref _tokens);

    /// <summary>Beginnings of paths (with query): the next request starting with one answers 429, once.</summary>
    public ConcurrentDictionary<string, bool> RateLimitOnce { get; } = new(StringComparer.Ordinal);

    /// <summary>Beginnings of paths (with query) that answer 404 from now on.</summary>
    public ConcurrentDictionary<string, bool> NotFound { get; } = new(StringComparer.Ordinal);

    /// <summary>Threads whose comments page answers 404, as Reddit does for threads purged as spam.</summary>
    public ConcurrentDictionary<string, bool> Gone { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, answers announce this many requests left in a window resetting in 30 s.</summary>
    public int? Remaining { get; set; }

    /// <summary>The things <c>/api/info</c> answers with, by fullname; absent ones are left out of the answer.</summary>
    public ConcurrentDictionary<string, JsonObject> InfoThings { get; } = new(StringComparer.Ordinal);

    public static async Task<RedditApiServer> StartAsync()
    {
        RedditApiServer? self = null;
        var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/api/v1/access_token", (HttpContext c) => self!.TokenAsync(c));
            app.MapGet("/{**path}", (HttpContext c) => self!.ApiAsync(c));
        });
        self = new RedditApiServer(server);
        return self;
    }

    public int Count(string pathPrefix) => _requests.Count(r => r.StartsWith(pathPrefix, StringComparison.Ordinal));

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static string Fixture(string name) => RepoPaths.OwnFixture("reddit-api", name);

    private async Task TokenAsync(HttpContext context)
    {
        _requests.Enqueue("POST /api/v1/access_token");
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}"));
        using var form = new StreamReader(context.Request.Body);
        var body = await form.ReadToEndAsync();
        if (context.Request.Headers.Authorization != expected || body != "grant_type=client_credentials")
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsJsonAsync(new { message = "Unauthorized", error = 401 });
            return;
        }
        var token = $"token-{Interlocked.Increment(ref _tokens)}";
        await context.Response.WriteAsJsonAsync(new { access_token = token, token_type = "bearer", expires_in = 86400, scope = "*" });
    }

    private async Task ApiAsync(HttpContext context)
    {
        var target = context.Request.Path + context.Request.QueryString;
        _requests.Enqueue($"GET {target}{(context.Request.Headers.IfNoneMatch.Count > 0 ? " If-None-Match" : "")}");
        if (context.Request.Headers.Authorization != $"bearer token-{_tokens}")
        {
            context.Response.StatusCode = 401;
            return;
        }
        if (RateLimitOnce.Keys.FirstOrDefault(prefix => target.StartsWith(prefix, StringComparison.Ordinal)) is { } limited && RateLimitOnce.TryRemove(limited, out _))
        {
            RateHeaders(context, used: 100, remaining: 0, reset: 7);
            context.Response.StatusCode = 429;
            await context.Response.WriteAsync("Too Many Requests");
            return;
        }
        RateHeaders(context, used: _requests.Count, remaining: Remaining ?? 600 - _requests.Count, reset: Remaining is null ? 300 : 30);
        if (NotFound.Keys.Any(prefix => target.StartsWith(prefix, StringComparison.Ordinal)))
        {
            context.Response.StatusCode = 404;
            return;
        }
        var path = context.Request.Path.Value ?? "";
        var answer = path switch
        {
            "/r/PhotoshopRequest/new.json" => File.ReadAllBytes(Fixture(context.Request.Query["after"].Count == 0 ? "listing_new_page1.json" : "listing_new_page2.json")),
            "/api/morechildren" => MoreChildren(context.Request.Query["link_id"].ToString()[3..], context.Request.Query["children"].ToString()),
            "/api/info" => Info(context.Request.Query["id"].ToString().Split(',')),
            _ when CommentsFile(path) is { } file => File.ReadAllBytes(file),
            _ => null,
        };
        if (answer is null)
        {
            context.Response.StatusCode = 404;
            return;
        }
        if (path.StartsWith("/comments/", StringComparison.Ordinal))
        {
            var etag = $"\"{Core.Text.Sha256Hex.Of(answer)[..16]}\"";
            context.Response.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch == etag)
            {
                context.Response.StatusCode = 304;
                return;
            }
        }
        context.Response.ContentType = "application/json; charset=UTF-8";
        await context.Response.Body.WriteAsync(answer);
    }

    private string? CommentsFile(string path) =>
        path.StartsWith("/comments/", StringComparison.Ordinal) && path.EndsWith(".json", StringComparison.Ordinal)
            && File.Exists(Fixture($"comments_{path[10..^5]}.json")) && !Gone.ContainsKey(path[10..^5])
            ? Fixture($"comments_{path[10..^5]}.json")
            : null;

    private static void RateHeaders(HttpContext context, int used, int remaining, int reset)
    {
        context.Response.Headers["X-Ratelimit-Used"] = used.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-Ratelimit-Remaining"] = remaining.ToString("0.0", CultureInfo.InvariantCulture);
        context.Response.Headers["X-Ratelimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The answer Reddit gives for exactly these children of the thread, from the thread's fixture.</summary>
    private static byte[] MoreChildren(string threadId, string children)
    {
        var file = Fixture($"morechildren_{threadId}.json");
        var things = File.Exists(file) && JsonNode.Parse(File.ReadAllText(file))![children] is JsonArray known ? known.DeepClone() : new JsonArray();
        return JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["json"] = new JsonObject { ["errors"] = new JsonArray(), ["data"] = new JsonObject { ["things"] = things } } });
    }

    private byte[] Info(IEnumerable<string> fullnames)
    {
        var children = new JsonArray(fullnames
            .Where(InfoThings.ContainsKey)
            .Select(n => (JsonNode)new JsonObject { ["kind"] = n[..2], ["data"] = InfoThings[n].DeepClone() })
            .ToArray());
        return JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["kind"] = "Listing",
            ["data"] = new JsonObject { ["after"] = null, ["dist"] = children.Count, ["modhash"] = "", ["children"] = children, ["before"] = null },
        });
    }
}
