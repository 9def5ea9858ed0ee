using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crawler.Worker.Demo;

/// <summary>Serves a <see cref="SampleSite"/> on 127.0.0.1 at a free port, the way Reddit's JSON API and i.redd.it would.</summary>
internal sealed class SampleSiteServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SampleSiteServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<SampleSiteServer> StartAsync(SampleSite site, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Its console lifetime would take Ctrl+C and SIGTERM for itself and leave the demo running.
        builder.Services.AddSingleton<IHostLifetime, ServedOnlyLifetime>();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet($"/r/{RedditJsonWriter.Community}/new.json", (string? after) => Results.Bytes(site.Listing(after), "application/json"));
        app.MapGet("/comments/{file}", (string file) =>
            file.EndsWith(".json", StringComparison.Ordinal) && site.ThreadPage(file[..^5]) is { } page
                ? Results.Bytes(page, "application/json")
                : Results.NotFound());
        app.MapGet("/i/{name}", (string name) =>
            site.Images.TryGetValue(name, out var bytes) ? Results.Bytes(bytes, "image/jpeg") : Results.NotFound());
        await app.StartAsync(ct);
        var address = app.Urls.First();
        return new SampleSiteServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
