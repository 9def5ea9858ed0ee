using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.DependencyInjection;

namespace Crawler.Worker.Jobs;

/// <summary>Hangfire with in-memory storage: the catalog holds all durable state, so nothing is lost on restart.</summary>
public static class HangfireRegistration
{
    public static IServiceCollection AddCrawlerJobs(this IServiceCollection services)
    {
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            // Finished runs stay visible on the dashboard for an hour: a busy service queues many runs, and in-memory
            // history is memory; the catalog keeps what matters.
            .UseInMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromHours(1) }));
        // Registered before the server, so the catalog is migrated before the first job runs.
        services.AddHostedService<RecurringJobsRegistrar>();
        services.AddHangfireServer(options =>
        {
            options.WorkerCount = Math.Max(4, Environment.ProcessorCount);
            options.ShutdownTimeout = TimeSpan.FromSeconds(15);
            options.ServerName = $"crawler:{Environment.ProcessId}";
        });
        services.AddSingleton<StageLocks>();
        services.AddSingleton<DueStageTrigger>();
        services.AddTransient<StageJob>();
        services.AddTransient<ExportJob>();
        services.AddTransient<ReparseJob>();
        return services;
    }
}
