using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Crawler.TestSupport;

/// <summary>
/// A real HTTP server on 127.0.0.1 that speaks the OpenAI chat-completions protocol at <c>/v1/chat/completions</c>.
/// Each request takes the next scripted answer (or the fallback); every request is recorded with the time it
/// arrived on the test's clock, and the most requests ever in flight at once is kept.
/// </summary>
public sealed class ChatCompletionsServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private readonly ConcurrentQueue<ChatRequest> _requests = new();
    private readonly TimeProvider _time;
    private readonly Func<HttpContext, Task> _fallback;
    private LoopbackServer? _server;
    private int _inFlight;
    private int _maxInFlight;
    private int _answered;
    private int _parked;

    private ChatCompletionsServer(TimeProvider time, Func<HttpContext, Task> fallback)
    {
        _time = time;
        _fallback = fallback;
    }

    /// <summary>The base URL a client is configured with, ending in <c>/v1/</c>.</summary>
    public Uri Endpoint => _server!.Url("v1/");

    public IReadOnlyList<ChatRequest> Requests => _requests.ToList();

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Requests the server holds on purpose (silence, a slow answer), waiting for the client's clock to move.</summary>
    public int Parked => Volatile.Read(ref _parked);

    /// <summary>
    /// True while an exchange of <paramref name="client"/> is on the wire and not held by the server: the fake
    /// clock must wait for it rather than move.
    /// </summary>
    public bool InTransit(WireTracker client) => client.Open > Parked;

    /// <summary>Requests received plus requests answered: grows whenever the server sees progress.</summary>
    public int Progress => _requests.Count + Volatile.Read(ref _answered);

    public static async Task<ChatCompletionsServer> StartAsync(TimeProvider time, Func<HttpContext, Task>? fallback = null)
    {
        var server = new ChatCompletionsServer(time, fallback ?? (c => Reply(c, 500, """{"error":{"message":"no scripted answer","type":"server_error"}}""")));
        server._server = await LoopbackServer.StartAsync(routes => routes.MapPost("/v1/chat/completions", server.HandleAsync));
        return server;
    }

    public void Then(Func<HttpContext, Task> answer) => _script.Enqueue(answer);

    /// <summary>A 200 answer in OpenAI's shape whose message content is <paramref name="content"/>.</summary>
    public static Func<HttpContext, Task> Content(string content) => c => Reply(c, 200, Completion(content).ToJsonString());

    public static Func<HttpContext, Task> Status(int status, string body, params (string Name, string Value)[] headers) => c =>
    {
        foreach (var (name, value) in headers)
        {
            c.Response.Headers[name] = value;
        }
        return Reply(c, status, body);
    };

    /// <summary>Never answers; returns when the client gives up and closes the connection.</summary>
    public static Func<HttpContext, Task> Silence() => c => ServerOf(c).ParkAsync(async () =>
    {
        try
        {
            await Task.Delay(Timeout.Infinite, c.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client hung up: exactly what this answer waits for.
        }
    });

    /// <summary>Answers with <paramref name="answer"/> after <paramref name="delay"/> on the server's clock.</summary>
    public static Func<HttpContext, Task> After(TimeSpan delay, Func<HttpContext, Task> answer) => async c =>
    {
        var server = ServerOf(c);
        await server.ParkAsync(() => Task.Delay(delay, server._time));
        await answer(c);
    };

    /// <summary>The request being answered, for answers that depend on what was asked.</summary>
    public static ChatRequest RequestOf(HttpContext context) => (ChatRequest)context.Items[typeof(ChatRequest)]!;

    public static JsonObject Completion(string content) => new()
    {
        ["id"] = "chatcmpl-test",
        ["object"] = "chat.completion",
        ["created"] = 1_760_000_000,
        ["model"] = "test-model",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
            ["finish_reason"] = "stop",
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 100, ["completion_tokens"] = 20, ["total_tokens"] = 120 },
    };

    public static async Task Reply(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    }

    private static ChatCompletionsServer ServerOf(HttpContext context) => (ChatCompletionsServer)context.Items[typeof(ChatCompletionsServer)]!;

    private async Task ParkAsync(Func<Task> wait)
    {
        Interlocked.Increment(ref _parked);
        try
        {
            await wait();
        }
        finally
        {
            Interlocked.Decrement(ref _parked);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        context.Items[typeof(ChatCompletionsServer)] = this;
        var inFlight = Interlocked.Increment(ref _inFlight);
        try
        {
            InterlockedMax(inFlight);
            var body = await JsonDocument.ParseAsync(context.Request.Body);
            var request = new ChatRequest(body.RootElement.Clone(), _time.GetUtcNow(), context.Request.Headers.Authorization.ToString());
            context.Items[typeof(ChatRequest)] = request;
            _requests.Enqueue(request);
            await (_script.TryDequeue(out var answer) ? answer : _fallback)(context);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            Interlocked.Increment(ref _answered);
        }
    }

    private void InterlockedMax(int value)
    {
        for (var seen = _maxInFlight; value > seen; seen = _maxInFlight)
        {
            if (Interlocked.CompareExchange(ref _maxInFlight, value, seen) == seen)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>One request as the server received it.</summary>
public sealed record ChatRequest(JsonElement Body, DateTimeOffset At, string Authorization);
