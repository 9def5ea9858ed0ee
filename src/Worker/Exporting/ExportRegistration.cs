using Crawler.Export;
using Crawler.Export.Images;
using Crawler.Worker.Catalog.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Exporting;

/// <summary>The export's services, built from <see cref="ExportOptions"/>.</summary>
public static class ExportRegistration
{
    public static IServiceCollection AddSnapshotExport(this IServiceCollection services)
    {
        services.AddValidated<ExportOptions>(ExportOptions.Section);
        services.AddSingleton<ExportStore>();
        services.AddSingleton<ExportImageStore>();
        services.AddSingleton<DeletionImportStore>();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<ExportOptions>>().Value;
            return new ImageCleaningSettings(o.LargeImageBytes, o.LargeImageQuality, o.LargeImageMaxSide);
        });
        services.AddSingleton<ImageCleaner>();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<ExportOptions>>().Value;
            return new SnapshotPublisher(new SnapshotSettings(o.RowGroupRows, o.ShardBytes, o.TestShare, o.Keep), sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<ExportImagePreparer>();
        services.AddSingleton<DeletionsFileImporter>();
        services.AddSingleton<UserHasher>();
        services.AddSingleton<SnapshotExporter>();
        return services;
    }
}
