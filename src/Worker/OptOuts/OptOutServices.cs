using Microsoft.Extensions.DependencyInjection;

namespace Crawler.Worker.OptOuts;

/// <summary>Registers the per-user opt-out.</summary>
public static class OptOutServices
{
    public static IServiceCollection AddOptOuts(this IServiceCollection services) => services.AddSingleton<UserOptOut>();
}
