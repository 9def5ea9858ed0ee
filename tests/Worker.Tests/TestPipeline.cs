using Crawler.TestSupport;
using Crawler.Worker.Catalog;
using Crawler.Worker.Hosting;
using Crawler.Worker.Pipeline;
using Crawler.Worker.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Crawler.Worker.Tests;

/// <summary>
/// The service's real composition (catalog, fetcher, stages) over a temporary data directory, with a fake
/// clock and the sources a test gives, allowed to reach 127.0.0.1 only. Stages run in the foreground.
/// </summary>
internal sealed class TestPipeline : IDisposable
{
    private readonly TempDir _dir;
    private readonly IReadOnlyList<SourceOptions> _sources;
    private readonly ServiceProvider _services;
    private bool _handedOver;

    private TestPipeline(FakeTimeProvider time, IReadOnlyList<SourceOptions> sources, TempDir dir)
    {
        Time = time;
        _sources = sources;
        _dir = dir;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDir"] = _dir.Path,
            ["Fetch:AllowedNetworks:0"] = "127.0.0.1/32",
            // The fetcher's own immediate retries wait on the fake clock; these tests drive the pipeline's retries instead.
            ["Fetch:MaxRetries"] = "0",
            // Hosts of sources that keep politeness on are gated by their announced budgets only.
            ["Politeness:MinDelayMilliseconds"] = "0",
            ["Politeness:StartDelayMilliseconds"] = "0",
            ["Politeness:AutoThrottle"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(time);
        services.AddLogging(logging => logging.AddProvider(Logs));
        services.AddCrawler(configuration);
        services.PostConfigure<SourcesOptions>(o => o.Items = [.. sources]);
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; }

    /// <summary>What this pipeline logged (information and above, as the service's console shows).</summary>
    public LogLines Logs { get; } = new();

    public string DataDir => _dir.Path;

    public ICatalogDb Db => Get<ICatalogDb>();

    public static async Task<TestPipeline> StartAsync(params SourceOptions[] sources)
    {
        var start = DateTimeOffset.Parse("2024-04-24T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        return await InitializeAsync(new TestPipeline(new FakeTimeProvider(start), sources, new TempDir("crawler-pipeline-")));
    }

    /// <summary>
    /// Ends this pipeline as a crash would (nothing finished, leases held) and starts a new one on the same catalog,
    /// sources and time; the new one owns the data directory.
    /// </summary>
    public async Task<TestPipeline> RestartAsync()
    {
        _handedOver = true;
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return await InitializeAsync(new TestPipeline(new FakeTimeProvider(Time.GetUtcNow()), _sources, _dir));
    }

    private static async Task<TestPipeline> InitializeAsync(TestPipeline pipeline)
    {
        pipeline.Get<IStartupValidator>().Validate();
        await pipeline.Get<CatalogInitializer>().InitializeAsync(CancellationToken.None);
        return pipeline;
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Runs the stages in order, round after round, until none has due work; returns the items handled.</summary>
    public async Task<int> RunAsync(params string[] stages)
    {
        var runner = Get<StageRunner>();
        var total = 0;
        for (var round = 0; round < 50; round++)
        {
            var handled = 0;
            foreach (var stage in stages)
            {
                handled += (await runner.RunAsync(stage, budget: null, CancellationToken.None)).Handled;
            }
            if (handled == 0)
            {
                return total;
            }
            total += handled;
        }
        throw new InvalidOperationException("the stages kept finding work after 50 rounds");
    }

    public void Dispose()
    {
        if (_handedOver)
        {
            return;
        }
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
