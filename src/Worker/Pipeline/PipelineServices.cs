using Crawler.Worker.Pipeline.Sites;
using Crawler.Worker.Pipeline.Stages;
using Microsoft.Extensions.DependencyInjection;

namespace Crawler.Worker.Pipeline;

/// <summary>Registers the stages, their runner, the services they share and their settings (<c>Pipeline</c>, <c>Dedup</c>).</summary>
public static class PipelineServices
{
    public static IServiceCollection AddPipeline(this IServiceCollection services)
    {
        services.AddValidated<PipelineOptions>(PipelineOptions.Section);
        services.AddValidated<DedupOptions>(DedupOptions.Section);
        services.AddSingleton<DeletionPurger>();
        services.AddSingleton<DedupWakeups>();
        services.AddSingleton<OriginalsIndex>();
        services.AddSites();
        services.AddSingleton<IStageHandler, DiscoverStage>();
        services.AddSingleton<IStageHandler, FetchThreadStage>();
        services.AddSingleton<IStageHandler, ParseStage>();
        services.AddSingleton<IStageHandler, PairStage>();
        services.AddSingleton<IStageHandler, FetchImageStage>();
        services.AddSingleton<IStageHandler, EmbedStage>();
        services.AddSingleton<IStageHandler, DedupStage>();
        services.AddSingleton<IStageHandler, RewriteStage>();
        services.AddSingleton<IStageHandler, DeletionSweepStage>();
        services.AddSingleton<StageRunner>();
        services.AddSingleton<Reparse>();
        return services;
    }
}
