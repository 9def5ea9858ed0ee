using Crawler.Worker.Catalog.Work;
using Crawler.Fetching;
using Crawler.Worker.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Crawler.Worker.Tests.Pipeline;

public sealed class StageRunnerTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch.AddDays(20_000));

    [Fact]
    public async Task Run_RecordsEachOutcome_AndRetriesOnlyTransientFailures()
    {
        using var catalog = await TestCatalog.CreateAsync();
        var queue = new WorkQueue(catalog.Db, _time);
        var handler = new ScriptedStage(new Dictionary<string, Func<StageOutcome>>
        {
            ["ok"] = () => StageOutcome.Done,
            ["flaky"] = () => StageOutcome.Transient("HTTP 503"),
            ["broken"] = () => StageOutcome.Failed("not an image"),
            ["throws"] = () => throw new FormatException("bad data"),
        });
        var runner = Runner(queue, handler, maxAttempts: 3);
        await queue.EnqueueAsync("scripted", handler.Keys.Select(k => (k, k)));

        var summary = await runner.RunAsync("scripted", null, CancellationToken.None);

        Assert.Equal(new StageRunSummary("scripted", Done: 1, Retried: 1, Deferred: 0, Failed: 2), summary);
        Assert.Equal(["broken: not an image", "throws: FormatException: bad data"], handler.GaveUp.Order(StringComparer.Ordinal));
        Assert.Equal(0, await queue.CountDueAsync("scripted", CancellationToken.None));
    }

    [Fact]
    public async Task Run_GivesUpOnATransientFailure_AfterMaxAttempts_WithBackoffBetween()
    {
        using var catalog = await TestCatalog.CreateAsync();
        var queue = new WorkQueue(catalog.Db, _time);
        var handler = new ScriptedStage(new Dictionary<string, Func<StageOutcome>> { ["flaky"] = () => StageOutcome.Transient("timed out") });
        var runner = Runner(queue, handler, maxAttempts: 3);
        await queue.EnqueueAsync("scripted", [("flaky", "")]);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var summary = await runner.RunAsync("scripted", null, CancellationToken.None);
            Assert.Equal(1, summary.Handled);
            Assert.Equal(0, (await runner.RunAsync("scripted", null, CancellationToken.None)).Handled); // backing off
            _time.Advance(TimeSpan.FromHours(7));
        }

        Assert.Equal(["flaky: gave up after 3 attempts: timed out"], handler.GaveUp);
    }

    [Fact]
    public async Task Run_WaitsAtLeastTheServersRetryAfter_WhenItIsLongerThanTheBackoff()
    {
        using var catalog = await TestCatalog.CreateAsync();
        var queue = new WorkQueue(catalog.Db, _time);
        var handler = new ScriptedStage(new Dictionary<string, Func<StageOutcome>>
        {
            ["limited"] = () => StageOutcome.FromFetch(new FetchException("HTTP 429", transient: true, 429, TimeSpan.FromHours(3))),
        });
        var runner = Runner(queue, handler, maxAttempts: 5);
        await queue.EnqueueAsync("scripted", [("limited", "")]);

        await runner.RunAsync("scripted", null, CancellationToken.None);

        // The first backoff is at most a minute; the server asked for three hours.
        _time.Advance(TimeSpan.FromHours(2.9));
        Assert.Equal(0, await queue.CountDueAsync("scripted", CancellationToken.None));
        _time.Advance(TimeSpan.FromHours(0.2));
        Assert.Equal(1, await queue.CountDueAsync("scripted", CancellationToken.None));
    }

    [Fact]
    public async Task Run_RetriesAThrownTransientFetchFailure_AndGivesUpAtOnceOnAPermanentOne()
    {
        using var catalog = await TestCatalog.CreateAsync();
        var queue = new WorkQueue(catalog.Db, _time);
        var handler = new ScriptedStage(new Dictionary<string, Func<StageOutcome>>
        {
            ["busy"] = () => throw new FetchException("HTTP 503", transient: true, 503),
            ["gone"] = () => throw new FetchException("HTTP 404 Not Found", transient: false, 404),
        });
        await queue.EnqueueAsync("scripted", handler.Keys.Select(k => (k, k)));

        var summary = await Runner(queue, handler, maxAttempts: 5).RunAsync("scripted", null, CancellationToken.None);

        Assert.Equal(1, summary.Retried);
        Assert.Equal(["gone: HTTP 404 Not Found"], handler.GaveUp);
    }

    private StageRunner Runner(WorkQueue queue, IStageHandler handler, int maxAttempts) =>
        new([handler], queue, Options.Create(new PipelineOptions { MaxAttempts = maxAttempts }), _time, NullLogger<StageRunner>.Instance);

    private sealed class ScriptedStage(Dictionary<string, Func<StageOutcome>> script) : ItemStageHandler
    {
        public List<string> GaveUp { get; } = [];

        public IEnumerable<string> Keys => script.Keys;

        public override string Stage => "scripted";

        public override Task RecordGiveUpAsync(WorkItem item, string reason, CancellationToken ct)
        {
            GaveUp.Add($"{item.ItemKey}: {reason}");
            return Task.CompletedTask;
        }

        protected override Task<StageOutcome> HandleItemAsync(WorkItem item, CancellationToken ct) => Task.FromResult(script[item.ItemKey]());
    }
}
