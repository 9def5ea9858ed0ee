using Crawler.Fetching.Politeness;
using Crawler.Fetching.Robots;
using Crawler.Fetching.Safety;
using Crawler.Fetching.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Crawler.Fetching;

/// <summary>
/// Registers the fetcher, its parts and its validated options (<c>Fetch</c>, <c>Politeness</c>). The resolver,
/// the socket connector and the exemptions can be replaced (the Worker's sources decide the exemptions; tests
/// replace the others).
/// </summary>
public static class FetchingServices
{
    public static IServiceCollection AddFetching(this IServiceCollection services)
    {
        services.AddOptions<FetchOptions>().BindConfiguration(FetchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<FetchOptions>, FetchOptionsValidator>();
        services.AddOptions<PolitenessOptions>().BindConfiguration(PolitenessOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IFetchExemptions, NoFetchExemptions>();
        services.TryAddSingleton<IHostResolver, DnsHostResolver>();
        services.TryAddSingleton<ISocketConnector, TcpSocketConnector>();
        services.AddSingleton<GuardedConnector>();
        services.AddSingleton<BodyReader>();
        services.AddSingleton<HttpTransport>();
        services.AddSingleton<HostPoliteness>();
        services.AddSingleton<IHostBudget>(sp => sp.GetRequiredService<HostPoliteness>());
        services.AddSingleton<PoliteSender>();
        services.AddSingleton<RetryingSender>();
        services.AddSingleton<RobotsCache>();
        services.AddSingleton<HttpFetcher>();
        services.AddSingleton<IFetcher>(sp => sp.GetRequiredService<HttpFetcher>());
        return services;
    }
}
