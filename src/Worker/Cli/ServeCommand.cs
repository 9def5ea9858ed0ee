using Crawler.Worker.Hosting;
using Crawler.Worker.Jobs;
using Crawler.Worker.Web;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Crawler.Worker.Cli;

/// <summary>Runs the service: Hangfire jobs per stage, the dashboard at <c>/hangfire</c> and <c>/healthz</c>, bound to 127.0.0.1 by default.</summary>
internal static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static async Task<int> RunAsync(string[] args, string? dataDir, CancellationToken ct)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        CrawlerConfiguration.Apply(builder.Configuration, args, dataDir);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["Urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(25));
        builder.Services.AddCrawler(builder.Configuration);
        builder.Services.AddCrawlerJobs();
        builder.Services.AddHealthChecks().AddCheck<CatalogHealthCheck>("catalog");

        await using var app = builder.Build();
        app.MapHealthChecks("/healthz");
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            DashboardTitle = "Crawler",
            // Remote requests are refused unless an operator puts the dashboard behind authentication.
            Authorization = [new LocalRequestsOnlyAuthorizationFilter()],
        });
        await app.RunAsync(ct);
        return 0;
    }
}
