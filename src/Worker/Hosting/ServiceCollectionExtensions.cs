using Crawler.Worker.Dumps;
using Crawler.Fetching;
using Crawler.Worker.Catalog;
using Crawler.Worker.Embedding;
using Crawler.Worker.Exporting;
using Crawler.Worker.Images;
using Crawler.Worker.Jobs;
using Crawler.Worker.OptOuts;
using Crawler.Worker.Pipeline;
using Crawler.Worker.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Hosting;

/// <summary>The composition root of the pipeline, shared by the service and the CLI verbs: each area registers itself and its settings.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddCrawler(this IServiceCollection services, IConfiguration configuration)
    {
        DapperSetup.Apply();
        services.TryAddSingleton(TimeProvider.System);
        services.AddCatalog();
        services.AddSingleton<CatalogInitializer>();
        services.AddFetching();
        services.AddSources(configuration);
        services.AddImageAcquisition();
        services.AddEmbedding();
        services.AddInstructionRewriter();
        services.AddPipeline();
        services.AddSingleton<DumpImporter>();
        // Schedules are the jobs' business: checked with the settings, so a typo stops start-up with its name.
        services.AddSingleton<IValidateOptions<PipelineOptions>, ScheduleValidator>();
        services.AddSingleton<IValidateOptions<ExportOptions>, ScheduleValidator>();
        services.AddSnapshotExport();
        services.AddOptOuts();
        return services;
    }
}
