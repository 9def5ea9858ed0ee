using Crawler.Dedup.Embedding;
using Crawler.Worker.Blobs;
using Crawler.Worker.Catalog;
using Crawler.Worker.Catalog.Migrations;
using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Embedding;
using Crawler.Worker.Exporting;
using Crawler.Worker.Fetching;
using Crawler.Worker.Fetching.Images;
using Crawler.Worker.Jobs;
using Crawler.Worker.Pipeline;
using Crawler.Worker.Pipeline.Stages;
using Crawler.Worker.Sources;
using Crawler.Worker.Sources.Dumps;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Hosting;

/// <summary>The composition root of the pipeline, shared by the service and the CLI verbs.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddCrawler(this IServiceCollection services, IConfiguration configuration)
    {
        DapperSetup.Apply();
        services.TryAddSingleton(TimeProvider.System);
        services.AddCrawlerOptions(configuration);

        services.AddSingleton<ICatalogDb>(sp => new SqliteCatalogDb(sp.GetRequiredService<IOptions<StorageOptions>>().Value.CatalogPath));
        services.AddSingleton(sp => new BlobStore(sp.GetRequiredService<IOptions<StorageOptions>>().Value.BlobsPath));
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<CatalogInitializer>();
        services.AddSingleton<WorkQueue>();
        services.AddSingleton<SettingsStore>();
        services.AddSingleton<SourceStore>();
        services.AddSingleton<FrontierStore>();
        services.AddSingleton<RawPageStore>();
        services.AddSingleton<ThreadStore>();
        services.AddSingleton<PairStore>();
        services.AddSingleton<ImageStore>();
        services.AddSingleton<EmbeddingStore>();
        services.AddSingleton<ClusterStore>();
        services.AddSingleton<RewriteStore>();
        services.AddSingleton<DeletionStore>();

        services.AddFetching();
        services.AddImageAcquisition();
        services.AddSingleton(new ProviderProbe(ProbeCommand.ThisProgram(), TimeSpan.FromMinutes(2)));
        services.AddSingleton<EmbedderFactory>();
        services.AddSingleton<IImageEmbedder>(sp => sp.GetRequiredService<EmbedderFactory>().Create());
        services.AddSingleton<RedditTokenProvider>();
        services.AddSingleton<SourceFetcher>();
        services.AddSingleton<RedditThreadExpander>();
        services.AddSingleton<DumpImporter>();
        services.AddInstructionRewriter();
        services.AddSingleton<OriginalsIndex>();

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

        services.AddSnapshotExport();
        return services;
    }

    private static void AddCrawlerOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidated<StorageOptions>(StorageOptions.Section);
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageValidator>();
        services.AddValidated<CatalogOptions>(CatalogOptions.Section);
        services.AddSingleton<IValidateOptions<CatalogOptions>, CatalogOptionsValidator>();
        services.AddValidated<PipelineOptions>(PipelineOptions.Section);
        services.AddSingleton<IValidateOptions<PipelineOptions>, ScheduleValidator>();
        services.AddValidated<FetchOptions>(FetchOptions.Section);
        services.AddSingleton<IValidateOptions<FetchOptions>, FetchOptionsValidator>();
        services.AddValidated<ImageQualityOptions>(ImageQualityOptions.Section);
        services.AddValidated<DedupOptions>(DedupOptions.Section);
        services.AddValidated<EmbeddingOptions>(EmbeddingOptions.Section);
        services.AddSingleton<IValidateOptions<EmbeddingOptions>, EmbeddingOptionsValidator>();
        services.AddValidated<ExportOptions>(ExportOptions.Section);
        services.AddSingleton<IValidateOptions<ExportOptions>, ScheduleValidator>();
        services.AddOptions<SourcesOptions>()
            .Configure(o => configuration.GetSection(SourcesOptions.Section).Bind(o.Items))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SourcesOptions>, SourcesValidator>();
    }

    private static void AddValidated<T>(this IServiceCollection services, string section)
        where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
