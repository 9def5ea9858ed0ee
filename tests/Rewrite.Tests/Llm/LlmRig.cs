using Crawler.Rewrite.Llm;
using Crawler.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Crawler.Rewrite.Tests.Llm;

/// <summary>The real client stack (pacing, retries, timeout, OpenAI SDK over HTTP) against a loopback chat server, on a fake clock.</summary>
internal sealed class LlmRig : IAsyncDisposable
{
    private readonly WireTracker _wire;

    private LlmRig(FakeTimeProvider time, ChatCompletionsServer server, ChatRewriter rewriter, WireTracker wire)
    {
        _wire = wire;
        Time = time;
        Server = server;
        Rewriter = rewriter;
    }

    public FakeTimeProvider Time { get; }

    public ChatCompletionsServer Server { get; }

    public ChatRewriter Rewriter { get; }

    public static RewriteOptions Options(Action<RewriteOptions>? change = null)
    {
        var options = new RewriteOptions { Model = "test-model", TimeoutSeconds = 30, MaxRetries = 3, RequestsPerMinute = 60, MaxConcurrency = 2 };
        change?.Invoke(options);
        return options;
    }

    public static async Task<LlmRig> StartAsync(RewriteOptions? options = null, string? apiKey = "sk-test")
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var server = await ChatCompletionsServer.StartAsync(time);
        var settings = options ?? Options();
        settings.Endpoint = server.Endpoint.ToString();
        var wire = new WireTracker(new SocketsHttpHandler());
        var rewriter = ChatRewriterBuilder.Build(settings, time, PromptFile.Load(Path.Combine(AppContext.BaseDirectory, "prompts"), "rewrite-v1"), apiKey, wire, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        return new LlmRig(time, server, rewriter, wire);
    }

    /// <summary>Rewrites one request while moving the fake clock whenever the client waits on it.</summary>
    public Task<RewriteResult> RewriteAsync(RewriteInput? input = null) =>
        FakeClockDriver.RunAsync(Rewriter.RewriteAsync(input ?? Input, CancellationToken.None), Time.Advance, TimeSpan.FromSeconds(1), () => Server.Progress, busy: () => Server.InTransit(_wire));

    public static RewriteInput Input { get; } = new(
        new RequestParts("Remove my ex please", "Can someone remove my ex from this pic? Will tip $5", ["The one on the left"]),
        "Here you go! Removed him.",
        new RewriteImage([0xFF, 0xD8, 0xFF, 0x01], "image/jpeg"),
        new RewriteImage([0xFF, 0xD8, 0xFF, 0x02], "image/jpeg"));

    public const string ValidAnswer = """{"instruction":"Remove the man on the left.","edit_type":"remove_object","status":"ok","reason":""}""";

    public static RewriteResult ValidResult { get; } = new("Remove the man on the left.", EditTypes.RemoveObject, RewriteStatus.Ok, null);

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
