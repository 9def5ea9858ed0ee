using Crawler.Worker.Blobs;
using Crawler.Worker.Catalog.Migrations;
using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Catalog.Work;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Catalog;

/// <summary>Registers the catalog (SQLite), the blob store beside it, their settings (<c>Storage</c>, <c>Catalog</c>), the stores and the work queue.</summary>
public static class CatalogServices
{
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddValidated<StorageOptions>(StorageOptions.Section);
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageValidator>();
        services.AddValidated<CatalogOptions>(CatalogOptions.Section);
        services.AddSingleton<IValidateOptions<CatalogOptions>, CatalogOptionsValidator>();
        services.AddSingleton<ICatalogDb>(sp => new SqliteCatalogDb(sp.GetRequiredService<IOptions<StorageOptions>>().Value.CatalogPath));
        services.AddSingleton(sp => new BlobStore(sp.GetRequiredService<IOptions<StorageOptions>>().Value.BlobsPath));
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<WorkQueue>();
        services.AddSingleton<SettingsStore>();
        services.AddSingleton<SourceStore>();
        services.AddSingleton<SourcePauseStore>();
        services.AddSingleton<ArchiveCursorStore>();
        services.AddSingleton<OptOutStore>();
        services.AddSingleton<FrontierStore>();
        services.AddSingleton<RawPageStore>();
        services.AddSingleton<ThreadStore>();
        services.AddSingleton<PairStore>();
        services.AddSingleton<ImageStore>();
        services.AddSingleton<EmbeddingStore>();
        services.AddSingleton<ClusterStore>();
        services.AddSingleton<RewriteStore>();
        services.AddSingleton<DeletionStore>();
        return services;
    }
}
