using Crawler.Worker.Pipeline;
using Crawler.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Cli;

/// <summary>
/// The pipeline's services without the web server or Hangfire, for verbs that run stages in the
/// foreground. Logs go to standard error so standard output carries only the verb's result.
/// </summary>
internal static class VerbHost
{
    public static IHost Build(string? dataDir, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
        });
        CrawlerConfiguration.Apply(builder.Configuration, [], dataDir);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddCrawler(builder.Configuration);
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>Validates every option (as the service does at start) and prepares the catalog.</summary>
    public static async Task<IHost> StartAsync(string? dataDir, CancellationToken ct, Action<IServiceCollection>? configure = null)
    {
        var host = Build(dataDir, configure);
        try
        {
            host.Services.GetRequiredService<IStartupValidator>().Validate();
            await host.Services.GetRequiredService<CatalogInitializer>().InitializeAsync(ct);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
