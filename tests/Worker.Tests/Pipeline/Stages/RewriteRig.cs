using Crawler.Worker.Catalog.Work;
using Crawler.Core.Domain;
using Crawler.Rewrite;
using Crawler.Rewrite.Llm;
using Crawler.Rewrite.Rules;
using Crawler.TestSupport;
using Crawler.Worker.Blobs;
using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Pipeline;
using Crawler.Worker.Pipeline.Stages;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NetVips;

namespace Crawler.Worker.Tests.Pipeline.Stages;

/// <summary>A real catalog with accepted pairs and their images stored, and a rewrite stage run by the real runner on a fake clock.</summary>
internal sealed class RewriteRig : IAsyncDisposable
{
    public const string Site = "reddit";
    public const string SourceUrl = "https://i.redd.it/original.jpg";
    public const string TargetUrl = "https://i.redd.it/edit.jpg";

    private RewriteRig(TestCatalog catalog, FakeTimeProvider time)
    {
        Catalog = catalog;
        Time = time;
        Queue = new WorkQueue(catalog.Db, time);
        Pairs = new PairStore(catalog.Db, time);
        Threads = new ThreadStore(catalog.Db, time);
        Images = new ImageStore(catalog.Db, time);
        Rewrites = new RewriteStore(catalog.Db, time);
        Blobs = new BlobStore(Path.Combine(catalog.DataDir, "blobs"));
    }

    public TestCatalog Catalog { get; }

    public FakeTimeProvider Time { get; }

    public WorkQueue Queue { get; }

    public PairStore Pairs { get; }

    public ThreadStore Threads { get; }

    public ImageStore Images { get; }

    public RewriteStore Rewrites { get; }

    public BlobStore Blobs { get; }

    public static async Task<RewriteRig> StartAsync()
    {
        var rig = new RewriteRig(await TestCatalog.CreateAsync(), new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        await rig.StoreImageAsync(SourceUrl, [40, 90, 210]);
        await rig.StoreImageAsync(TargetUrl, [250, 210, 40]);
        return rig;
    }

    /// <summary>An accepted pair of thread <paramref name="threadId"/>, queued for rewriting; the thread is stored when a title is given.</summary>
    public async Task<string> AddPairAsync(string threadId, string requestText, string? title = null, string? body = null, PairKind kind = PairKind.Request)
    {
        if (title is not null)
        {
            await Threads.SaveAsync(Site, "PhotoshopRequest", new ParsedThread(threadId, "PhotoshopRequest", title, body ?? "", "op", 1_760_000_000, null, false, false, [SourceUrl], [], []), CancellationToken.None);
        }
        var candidate = new PairCandidate("r1", 0, SourceUrl, TargetUrl, "editor", 10, true, 1, requestText, "Here you go!", null) { Kind = kind };
        var thread = new ThreadRef(Site, threadId);
        await Pairs.SaveCandidatesAsync(thread, [candidate], CancellationToken.None);
        var pairId = PairId.Of(thread, candidate);
        await Pairs.DecideAsync(pairId, PairStatus.Accepted, null, 0.8, 40, "c1", CancellationToken.None);
        await Queue.EnqueueAsync(StageNames.Rewrite, [(pairId, pairId)]);
        return pairId;
    }

    public RewriteStage Stage(IInstructionRewriter rewriter, RewriteOptions? options = null) =>
        Stage(new InstructionRewriters(rewriter, new NeedsModelRewriter()), options);

    public RewriteStage Stage(InstructionRewriters rewriters, RewriteOptions? options = null) =>
        new(Pairs, Threads, Images, Rewrites, new RewriteImages(Blobs), rewriters, Options.Create(options ?? new RewriteOptions()));

    private (ChatCompletionsServer Server, WireTracker Wire)? _model;

    public ChatRewriter ChatRewriter(ChatCompletionsServer server, RewriteOptions options)
    {
        var wire = new WireTracker(new SocketsHttpHandler());
        _model = (server, wire);
        options.Endpoint = server.Endpoint.ToString();
        options.Model ??= "test-model";
        var prompt = new PromptFile("rewrite-test", "Rewrite the request.");
        return ChatRewriterBuilder.Build(options, Time, prompt, null, wire, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
    }

    /// <summary>Both rewriters over the test server: a stand-in request prompt, and the shipped describe-edit prompt for battles.</summary>
    public InstructionRewriters ChatRewriters(ChatCompletionsServer server, RewriteOptions options)
    {
        var wire = new WireTracker(new SocketsHttpHandler());
        _model = (server, wire);
        options.Endpoint = server.Endpoint.ToString();
        options.Model ??= "test-model";
        var battles = PromptFile.Load(Path.Combine(RepoPaths.Root, "config", "prompts"), options.BattlePromptVersion);
        return ChatRewriterBuilder.BuildBoth(options, Time, new PromptFile("rewrite-test", "Rewrite the request."), battles, null, wire,
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
    }

    /// <summary>Runs the stage until nothing is due, moving the fake clock whenever the work waits on it (never while a request is on the wire).</summary>
    public Task<StageRunSummary> RunAsync(IStageHandler stage, Func<int> progress, int maxAttempts = 5, double stepSeconds = 1)
    {
        var runner = new StageRunner([stage], Queue, Options.Create(new PipelineOptions { MaxAttempts = maxAttempts }), Time, NullLogger<StageRunner>.Instance);
        return FakeClockDriver.RunAsync(runner.RunAsync(StageNames.Rewrite, null, CancellationToken.None), Time.Advance, TimeSpan.FromSeconds(stepSeconds), progress,
            busy: () => _model is { } model && model.Server.InTransit(model.Wire));
    }

    private async Task StoreImageAsync(string url, double[] colour)
    {
        using var black = Image.Black(400, 300, bands: 3);
        using var filled = black.Linear([1.0, 1.0, 1.0], colour);
        using var image = filled.Cast(Enums.BandFormat.Uchar);
        var bytes = image.JpegsaveBuffer(q: 90);
        var sha = await Blobs.PutAsync(bytes, CancellationToken.None);
        await Images.RecordFetchedAsync(url, new ImageRow { Sha256 = sha, Format = "jpeg", Width = 400, Height = 300, Orientation = 1, Frames = 1, Bytes = bytes.Length, Status = ImageStore.Ok }, 200, null, null, CancellationToken.None);
    }

    public ValueTask DisposeAsync()
    {
        Catalog.Dispose();
        return ValueTask.CompletedTask;
    }
}
