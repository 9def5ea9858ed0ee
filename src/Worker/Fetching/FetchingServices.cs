using Crawler.Worker.Fetching.Politeness;
using Crawler.Worker.Fetching.Robots;
using Crawler.Worker.Fetching.Safety;
using Crawler.Worker.Fetching.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Crawler.Worker.Fetching;

/// <summary>Registers the fetcher and its parts. The resolver and the socket connector can be replaced (tests do).</summary>
public static class FetchingServices
{
    public static IServiceCollection AddFetching(this IServiceCollection services)
    {
        services.AddOptions<PolitenessOptions>().BindConfiguration(PolitenessOptions.Section).ValidateDataAnnotations().ValidateOnStart();
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
