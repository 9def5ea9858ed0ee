using Crawler.Fetching;
using Crawler.Fetching.Politeness;
using Crawler.Rewrite;
using Crawler.Worker.Catalog;
using Crawler.Worker.Embedding;
using Crawler.Worker.Exporting;
using Crawler.Worker.Images;
using Crawler.Worker.Pipeline;
using Crawler.Worker.Pipeline.Stages;
using Crawler.Worker.Sources;
using Microsoft.Extensions.Configuration;

namespace Crawler.Worker.Hosting;

/// <summary>
/// Where settings come from, later ones winning: <c>config/appsettings.json</c> and <c>config/sources.json</c>
/// beside the executable, <c>CRAWLER_</c> environment variables, the command line, and <c>--data-dir</c>.
/// </summary>
public static class CrawlerConfiguration
{
    public const string EnvironmentPrefix = "CRAWLER_";

    public static string ConfigDirectory => Path.Combine(AppContext.BaseDirectory, "config");

    /// <summary>The sections settings live in: the options each validates, and the host's logging and Kestrel.</summary>
    public static IReadOnlyList<string> Sections { get; } =
    [
        StorageOptions.Section, CatalogOptions.Section, PipelineOptions.Section, FetchOptions.Section, PolitenessOptions.Section,
        ImagesOptions.Section, ImageHostsOptions.Section, DedupOptions.Section, EmbeddingOptions.Section, ExportOptions.Section,
        RewriteOptions.Section, SourcesOptions.Section, "Logging", "Kestrel",
    ];

    public static void Apply(IConfigurationBuilder builder, string[] args, string? dataDir, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        builder.Sources.Clear();
        builder.AddJsonFile(Path.Combine(ConfigDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddJsonFile(Path.Combine(ConfigDirectory, "sources.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddCommandLine(args);
        var last = new Dictionary<string, string?>(overrides ?? new Dictionary<string, string?>());
        if (dataDir is not null)
        {
            last[$"{StorageOptions.Section}:DataDir"] = dataDir;
        }
        builder.AddInMemoryCollection(last);
    }
}
