using Crawler.Fetching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Sources;

/// <summary>Registers the sources, what they ask of the fetcher, and their settings (<c>Sources</c>, an array).</summary>
public static class SourceServices
{
    public static IServiceCollection AddSources(this IServiceCollection services, IConfiguration configuration)
    {
        // An array section: bound into Items, so a configured list replaces the default instead of extending it.
        services.AddOptions<SourcesOptions>()
            .Configure(o => configuration.GetSection(SourcesOptions.Section).Bind(o.Items))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SourcesOptions>, SourcesValidator>();
        services.AddSingleton<IFetchExemptions, SourceFetchExemptions>();
        services.AddSingleton<RedditTokenProvider>();
        services.AddSingleton<SourceFetcher>();
        services.AddSingleton<RedditThreadExpander>();
        services.AddSingleton<ArchiveComments>();
        services.AddSingleton<RedditInfoLookup>();
        services.AddSingleton<ArchiveIdsLookup>();
        return services;
    }
}
