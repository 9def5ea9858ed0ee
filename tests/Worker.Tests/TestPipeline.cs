using Crawler.TestSupport;
using Crawler.Worker.Catalog;
using Crawler.Worker.Hosting;
using Crawler.Worker.Pipeline;
using Crawler.Worker.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Crawler.Worker.Tests;

/// <summary>
/// The service's real composition (catalog, fetcher, stages) over a temporary data directory, with a fake
/// clock and the sources a test gives, allowed to reach 127.0.0.1 only. Stages run in the foreground.
/// </summary>
internal sealed class TestPipeline : IDisposable
{
    private readonly TempDir _dir = new("crawler-pipeline-");
    private readonly ServiceProvider _services;

    private TestPipeline(FakeTimeProvider time, IReadOnlyList<SourceOptions> sources)
    {
        Time = time;
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
        services.AddLogging();
        services.AddCrawler(configuration);
        services.PostConfigure<SourcesOptions>(o => o.Items = [.. sources]);
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; }

    public string DataDir => _dir.Path;

    public ICatalogDb Db => Get<ICatalogDb>();

    public static async Task<TestPipeline> StartAsync(params SourceOptions[] sources)
    {
        var pipeline = new TestPipeline(new FakeTimeProvider(DateTimeOffset.Parse("2024-04-24T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture)), sources);
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
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
