using Crawler.Fetching;
using Crawler.Fetching.Politeness;
using Crawler.Fetching.Safety;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Crawler.TestSupport.Fetching;

/// <summary>
/// The real fetcher as the service registers it, with the tests' resolver and loopback-only connector,
/// loopback allowed explicitly, and settings small enough for tests (no politeness delay unless asked).
/// </summary>
public sealed class FetcherRig : IDisposable
{
    public const string Host = "fault.test";

    private readonly ServiceProvider _services;

    public FetcherRig(
        TimeProvider? time = null,
        Action<FetchOptions>? fetch = null,
        Action<PolitenessOptions>? politeness = null,
        IFetchExemptions? exemptions = null,
        FakeResolver? resolver = null,
        Action<IServiceCollection>? more = null)
    {
        Resolver = resolver ?? new FakeResolver().Map(Host, "127.0.0.1");
        Connector = new LoopbackOnlyConnector(new TcpSocketConnector());
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddSingleton<IHostResolver>(Resolver);
        services.AddSingleton<ISocketConnector>(Connector);
        services.Configure<FetchOptions>(o =>
        {
            o.AllowedNetworks = ["127.0.0.1/32"];
            o.RetryBaseDelayMilliseconds = 10;
            o.RetryMaxDelaySeconds = 1;
            fetch?.Invoke(o);
        });
        services.Configure<PolitenessOptions>(o =>
        {
            o.MinDelayMilliseconds = 0;
            o.StartDelayMilliseconds = 0;
            o.AutoThrottle = false;
            politeness?.Invoke(o);
        });
        services.AddSingleton(exemptions ?? new FixedExemptions());
        services.AddFetching();
        more?.Invoke(services);
        _services = services.BuildServiceProvider();
    }

    public FakeResolver Resolver { get; }

    public LoopbackOnlyConnector Connector { get; }

    public IFetcher Fetcher => _services.GetRequiredService<IFetcher>();

    public HostPoliteness Politeness => _services.GetRequiredService<HostPoliteness>();

    public IHostBudget Budget => _services.GetRequiredService<IHostBudget>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>The loopback server's URL under the made-up host name, which the fake resolver maps to 127.0.0.1.</summary>
    public static Uri At(Crawler.TestSupport.LoopbackServer server, string path) => new($"http://{Host}:{server.Port}{path}");

    public Task<FetchResponse> GetAsync(Uri url, FetchKind kind = FetchKind.Page, string source = "test") =>
        Fetcher.FetchAsync(new FetchRequest(url, kind, source), Xunit.TestContext.Current.CancellationToken);

    public void Dispose() => _services.Dispose();
}
