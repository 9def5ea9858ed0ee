using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crawler.Worker;

/// <summary>The one way an area of the Worker registers its settings: bound from its section, checked at start.</summary>
internal static class OptionsRegistration
{
    public static OptionsBuilder<T> AddValidated<T>(this IServiceCollection services, string section)
        where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
