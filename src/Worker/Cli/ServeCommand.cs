using Crawler.Worker.Pipeline;
using Crawler.Worker.Hosting;
using Crawler.Worker.Jobs;
using Crawler.Worker.Sources;
using Crawler.Worker.Web;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Cli;

/// <summary>Runs the service: Hangfire jobs per stage, a front page at <c>/</c>, the dashboard at <c>/hangfire</c> and <c>/healthz</c>, bound to 127.0.0.1 by default.</summary>
internal static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static async Task<int> RunAsync(string[] args, string? dataDir, CancellationToken ct)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        CrawlerConfiguration.Apply(builder.Configuration, args, dataDir);
        var urls = builder.Configuration["urls"] is { Length: > 0 } configured ? configured : DefaultUrl;
        builder.WebHost.UseUrls(urls);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(25));
        builder.Services.AddCrawler(builder.Configuration);
        builder.Services.AddCrawlerJobs();
        builder.Services.AddHealthChecks().AddCheck<CatalogHealthCheck>("catalog").AddCheck<SourcePauseHealthCheck>("sources");
        builder.Services.AddHostedService<NoSourceWarning>();

        await using var app = builder.Build();
        await CheckBeforeStartAsync(app, urls, ct);
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthReportText.WriteAsync });
        app.MapGet("/", HomePage.Render);
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            DashboardTitle = "Crawler",
            // Remote requests are refused unless an operator puts the dashboard behind authentication.
            Authorization = [new LocalRequestsOnlyAuthorizationFilter()],
        });
        try
        {
            await app.StartAsync(ct);
        }
        catch (IOException e)
        {
            // Kestrel's "Failed to bind to address http://127.0.0.1:5080: address already in use."
            throw new StartupException($"Urls: {e.Message}", e);
        }
        await app.WaitForShutdownAsync(ct);
        return 0;
    }

    /// <summary>
    /// What would make start-up fail, checked before the host starts: then it fails as one line and exit code 2,
    /// before any log line, where a failure inside the host's start comes with its "Hosting failed to start" trace.
    /// </summary>
    private static async Task CheckBeforeStartAsync(WebApplication app, string urls, CancellationToken ct)
    {
        if (ListenUrls.Problem(urls) is { } problem)
        {
            throw new StartupException($"Urls: {problem}");
        }
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        if (ListenUrls.InUse(urls) is { } taken)
        {
            throw new StartupException($"Urls: {taken}");
        }
        // Last: it takes the data directory's lock, and logs its migrations.
        await app.Services.GetRequiredService<CatalogInitializer>().InitializeAsync(ct);
    }
}
