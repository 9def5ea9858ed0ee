using Crawler.TestSupport;
using Crawler.Worker.Catalog.Work;
using Crawler.Worker.Hosting;
using Crawler.Worker.Jobs;
using Crawler.Worker.Pipeline;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Crawler.Worker.Tests.Jobs;

/// <summary>
/// The service's own scheduler (Hangfire's server, in-memory storage, real clock) running stages whose
/// handlers count themselves: different stages run side by side, one stage never twice at once, and a
/// stage that fed another gets that one run straight away.
/// </summary>
public sealed class StageJobSchedulingTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TwoStages_RunAtTheSameTime_ButNeverOneStageTwice()
    {
        await using var rig = await Rig.StartAsync(StageNames.Parse, StageNames.Pair);
        await rig.Queue.EnqueueAsync(StageNames.Parse, Items("p", 6));
        await rig.Queue.EnqueueAsync(StageNames.Pair, Items("q", 6));

        // Several runs of each stage at once, as overlapping cron ticks and triggers would queue them.
        var ids = Enumerable.Range(0, 3).SelectMany(_ => new[]
        {
            rig.Jobs.Enqueue<StageJob>(j => j.RunAsync(StageNames.Parse, CancellationToken.None)),
            rig.Jobs.Enqueue<StageJob>(j => j.RunAsync(StageNames.Pair, CancellationToken.None)),
        }).ToList();
        await rig.WaitAsync(() => rig.Stage(StageNames.Parse).Handled == 6 && rig.Stage(StageNames.Pair).Handled == 6 && rig.AllFinished(ids));

        Assert.True(rig.Meeting.Met, "parse and pair never ran at the same time");
        Assert.Equal(1, rig.Stage(StageNames.Parse).MostAtOnce);
        Assert.Equal(1, rig.Stage(StageNames.Pair).MostAtOnce);
        Assert.All(ids, id => Assert.Equal("Succeeded", rig.State(id)));
        Assert.Contains(ids, id => rig.Result(id) == $"\"{StageJob.Busy}\"");
    }

    [Fact]
    public async Task AStageThatFedAnother_GetsThatOneRunAtOnce_WithoutWaitingForItsCron()
    {
        await using var rig = await Rig.StartAsync(StageNames.Parse, StageNames.Pair, feeds: (StageNames.Parse, StageNames.Pair));
        await rig.Queue.EnqueueAsync(StageNames.Parse, Items("p", 4));

        rig.Jobs.Enqueue<StageJob>(j => j.RunAsync(StageNames.Parse, CancellationToken.None));
        await rig.WaitAsync(() => rig.Stage(StageNames.Pair).Handled == 4);

        Assert.Equal(4, rig.Stage(StageNames.Parse).Handled);
        Assert.Equal(0, await rig.Queue.CountDueAsync(StageNames.Pair, CancellationToken.None));
    }

    [Fact]
    public async Task AStageItFeeds_StartsWhileARunIsStillGoing_NotAfterItEnds()
    {
        // Parse and pair do not wait for each other here (the meeting is of two other stages): each parse item
        // takes 100 ms, so the parse run lasts 4 s or more, and pair must be under way before it ends.
        await using var rig = await Rig.StartAsync(StageNames.Embed, StageNames.Dedup, feeds: (StageNames.Parse, StageNames.Pair));
        await rig.Queue.EnqueueAsync(StageNames.Parse, Items("p", 40));

        rig.Jobs.Enqueue<StageJob>(j => j.RunAsync(StageNames.Parse, CancellationToken.None));
        await rig.WaitAsync(() => rig.Stage(StageNames.Pair).Handled == 40);

        Assert.True(rig.Stage(StageNames.Pair).FirstDone < rig.Stage(StageNames.Parse).LastDone,
            "pair waited for the parse run to end before it started");
    }

    [Fact]
    public async Task APausedStage_HasNoRecurringJob_AndIsNotRunForTheWorkItIsFed()
    {
        await using var rig = await Rig.StartAsync(StageNames.Parse, StageNames.Pair, feeds: (StageNames.Parse, StageNames.Pair), paused: StageNames.Pair);
        await rig.Queue.EnqueueAsync(StageNames.Parse, Items("p", 4));

        var parse = rig.Jobs.Enqueue<StageJob>(j => j.RunAsync(StageNames.Parse, CancellationToken.None));
        await rig.WaitAsync(() => rig.AllFinished([parse]));
        // Time for a wrongly queued run of the paused stage to show.
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(4, rig.Stage(StageNames.Parse).Handled);
        Assert.Equal(0, rig.Stage(StageNames.Pair).Handled);
        Assert.Equal(4, await rig.Queue.CountDueAsync(StageNames.Pair, CancellationToken.None));
        Assert.DoesNotContain("stage-pair", rig.RecurringJobIds());
        Assert.Contains("stage-parse", rig.RecurringJobIds());
    }

    private static IEnumerable<(string, string)> Items(string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => ($"{prefix}{i}", $"{prefix}{i}"));

    private sealed class Rig : IAsyncDisposable
    {
        private readonly TempDir _dir = new("crawler-jobs-");
        private readonly ServiceProvider _services;
        private readonly List<IHostedService> _hosted;

        private Rig(StageMeeting meeting, (string From, string To)? feeds, string? paused)
        {
            Meeting = meeting;
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DataDir"] = _dir.Path,
                // No cron tick may start a run during the test: only the test and the trigger queue them.
                ["Export:Cron"] = "0 0 1 1 *",
            }.Concat(StageNames.InOrder.Select(s => KeyValuePair.Create($"Pipeline:Schedules:{s}", (string?)(s == paused ? PipelineOptions.Paused : "0 0 1 1 *"))))).Build();
            var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
            services.AddCrawler(configuration).AddCrawlerJobs();
            services.RemoveAll<IStageHandler>();
            foreach (var stage in StageNames.InOrder)
            {
                var fed = feeds is { } f && f.From == stage ? f.To : null;
                services.AddSingleton<IStageHandler>(sp => new GatedStage(stage, meeting, sp.GetRequiredService<WorkQueue>(), fed));
            }
            _services = services.BuildServiceProvider();
            _hosted = [.. _services.GetServices<IHostedService>()];
        }

        public StageMeeting Meeting { get; }

        public WorkQueue Queue => _services.GetRequiredService<WorkQueue>();

        public IBackgroundJobClient Jobs => _services.GetRequiredService<IBackgroundJobClient>();

        public static async Task<Rig> StartAsync(string first, string second, (string From, string To)? feeds = null, string? paused = null)
        {
            var rig = new Rig(new StageMeeting(first, second), feeds, paused);
            foreach (var service in rig._hosted)
            {
                await service.StartAsync(CancellationToken.None);
            }
            return rig;
        }

        public GatedStage Stage(string name) => _services.GetServices<IStageHandler>().OfType<GatedStage>().Single(s => s.Stage == name);

        public string? State(string id)
        {
            using var connection = _services.GetRequiredService<JobStorage>().GetConnection();
            return connection.GetStateData(id)?.Name;
        }

        public string? Result(string id)
        {
            using var connection = _services.GetRequiredService<JobStorage>().GetConnection();
            return connection.GetStateData(id)?.Data is { } data && data.TryGetValue("Result", out var result) ? result : null;
        }

        public IReadOnlyList<string> RecurringJobIds()
        {
            using var connection = _services.GetRequiredService<JobStorage>().GetConnection();
            return [.. connection.GetRecurringJobs().Select(j => j.Id)];
        }

        public bool AllFinished(IEnumerable<string> ids) => ids.All(id => State(id) is "Succeeded" or "Failed" or "Deleted");

        public async Task WaitAsync(Func<bool> done)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!done())
            {
                Assert.True(clock.Elapsed < Patience, "the scheduler did not finish the work in time");
                await Task.Delay(50);
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var service in Enumerable.Reverse(_hosted))
            {
                await service.StopAsync(CancellationToken.None);
            }
            await _services.DisposeAsync();
            _dir.Dispose();
        }
    }
}
