using Crawler.Worker.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Pipeline.Sites;

/// <summary>Registers the site drivers, one per adapter name, and what they share.</summary>
public static class SiteServices
{
    public static IServiceCollection AddSites(this IServiceCollection services)
    {
        services.AddSingleton<DiscoveredThreads>();
        services.AddSingleton<ListingWalk>();
        services.AddSingleton<LayoutWatch>();
        services.AddSingleton<ArchiveDiscovery>();
        services.AddSingleton<SiteDriver, ArcticShiftDriver>();
        services.AddSingleton<SiteDriver, RedditApiDriver>();
        services.AddSingleton<SiteFiles>();
        services.AddSingleton<LaterPages>();
        services.AddSingleton<WaybackDiscovery>();
        services.AddSingleton<SiteDriver, ForumDriver>();
        services.AddSingleton<SiteDriver, WaybackDriver>();
        services.AddSingleton<SiteDrivers>();
        services.AddSingleton<IValidateOptions<SourcesOptions>, SiteSourcesValidator>();
        return services;
    }
}
