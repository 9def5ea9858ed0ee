using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Crawler.TestSupport;

/// <summary>
/// The Arctic Shift API on 127.0.0.1, answering from the archive it holds in the documented shapes (see
/// tests/Worker.Tests/Fixtures/arctic-shift/README.md): <c>/api/posts/search</c> and <c>/api/comments/search</c>
/// (<c>after</c> inclusive, oldest first, <c>limit</c>, <c>fields</c>), <c>/api/posts/ids</c> and
/// <c>/api/comments/ids</c>, all as <c>{"data": [...]}</c>. Every answer carries X-RateLimit-Remaining/-Reset;
/// chosen requests answer 429 once, or with a body the test gives. It records what was asked, for assertions.
/// </summary>
public sealed class ArcticShiftServer : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentDictionary<string, JsonObject> _posts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonObject> _comments = new(StringComparer.Ordinal);

    private ArcticShiftServer(LoopbackServer server) => _server = server;

    public Uri BaseUrl => _server.BaseUrl;

    public int Port => _server.Port;

    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>Beginnings of paths (with query): the next request starting with one answers 429 (no budget left, resets in 7 s), once.</summary>
    public ConcurrentDictionary<string, bool> RateLimitOnce { get; } = new(StringComparer.Ordinal);

    /// <summary>Beginnings of paths (with query) answered with this body (an error envelope, broken JSON) instead.</summary>
    public ConcurrentDictionary<string, string> Bodies { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, answers announce this many requests left in a window resetting in 30 s.</summary>
    public int? Remaining { get; set; }

    public static async Task<ArcticShiftServer> StartAsync()
    {
        ArcticShiftServer? self = null;
        var server = await LoopbackServer.StartAsync(app => app.MapGet("/{**path}", (HttpContext c) => self!.AnswerAsync(c)));
        self = new ArcticShiftServer(server);
        return self;
    }

    /// <summary>
    /// Archives the objects of a saved answer (<c>{"data": [...]}</c>); an object with an id already held replaces
    /// it, as a later retrieval does. Comments are told from posts by their <c>link_id</c>.
    /// </summary>
    /// <param name="shift">Seconds added to every <c>created_utc</c>, to place saved posts in the recent past.</param>
    public void Load(string answerFile, long shift = 0)
    {
        foreach (var item in JsonNode.Parse(File.ReadAllText(answerFile))!["data"]!.AsArray())
        {
            var thing = item!.AsObject().DeepClone().AsObject();
            thing["created_utc"] = (long)thing["created_utc"]! + shift;
            Archive(thing);
        }
    }

    /// <summary>Archives one post or comment, replacing the one with its id.</summary>
    public void Archive(JsonObject thing) => (thing.ContainsKey("link_id") ? _comments : _posts)[(string)thing["id"]!] = thing;

    public int Count(string pathPrefix) => _requests.Count(r => r.StartsWith(pathPrefix, StringComparison.Ordinal));

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task AnswerAsync(HttpContext context)
    {
        var target = context.Request.Path + context.Request.QueryString;
        _requests.Enqueue(target);
        if (RateLimitOnce.Keys.FirstOrDefault(p => target.StartsWith(p, StringComparison.Ordinal)) is { } limited && RateLimitOnce.TryRemove(limited, out _))
        {
            Budget(context, remaining: 0, reset: 7);
            context.Response.StatusCode = 429;
            await context.Response.WriteAsJsonAsync(new { error = "Too many requests" });
            return;
        }
        Budget(context, remaining: Remaining ?? 1000 - _requests.Count, reset: Remaining is null ? 60 : 30);
        context.Response.ContentType = "application/json; charset=utf-8";
        if (Bodies.FirstOrDefault(b => target.StartsWith(b.Key, StringComparison.Ordinal)) is { Key: not null } body)
        {
            await context.Response.WriteAsync(body.Value);
            return;
        }
        var query = context.Request.Query;
        IEnumerable<JsonObject>? found = context.Request.Path.Value switch
        {
            "/api/posts/search" => Search(_posts.Values.Where(p => string.Equals((string?)p["subreddit"], query["subreddit"], StringComparison.OrdinalIgnoreCase)), query),
            "/api/comments/search" => Search(_comments.Values.Where(c => (string?)c["link_id"] == "t3_" + Bare(query["link_id"].ToString())), query),
            "/api/posts/ids" => ById(_posts, query),
            "/api/comments/ids" => ById(_comments, query),
            _ => null,
        };
        if (found is null)
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsJsonAsync(new { error = "Not found" });
            return;
        }
        var fields = query["fields"].ToString() is { Length: > 0 } list ? list.Split(',') : null;
        var data = new JsonArray(found.Select(t => (JsonNode)(fields is null ? t.DeepClone() : Project(t, fields))).ToArray());
        await context.Response.WriteAsync(new JsonObject { ["data"] = data }.ToJsonString());
    }

    private static List<JsonObject> Search(IEnumerable<JsonObject> things, IQueryCollection query)
    {
        var after = long.Parse(query["after"].ToString() is { Length: > 0 } a ? a : "0", CultureInfo.InvariantCulture);
        var limit = int.Parse(query["limit"].ToString() is { Length: > 0 } l ? l : "25", CultureInfo.InvariantCulture);
        return things.Where(t => (long)t["created_utc"]! >= after)
            .OrderBy(t => (long)t["created_utc"]!).ThenBy(t => ((string)t["id"]!).Length).ThenBy(t => (string)t["id"]!, StringComparer.Ordinal)
            .Take(limit).ToList();
    }

    private static List<JsonObject> ById(ConcurrentDictionary<string, JsonObject> things, IQueryCollection query) =>
        query["ids"].ToString().Split(',').Select(Bare).Where(things.ContainsKey).Select(id => things[id]).ToList();

    private static JsonObject Project(JsonObject thing, string[] fields) =>
        new(fields.Where(thing.ContainsKey).Select(f => KeyValuePair.Create(f, thing[f]?.DeepClone())));

    private static string Bare(string id) => id.StartsWith("t3_", StringComparison.Ordinal) || id.StartsWith("t1_", StringComparison.Ordinal) ? id[3..] : id;

    private static void Budget(HttpContext context, int remaining, int reset)
    {
        context.Response.Headers["X-RateLimit-Remaining"] = Math.Max(0, remaining).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture);
    }
}
