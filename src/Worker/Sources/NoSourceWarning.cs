using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Sources;

/// <summary>
/// Says at start when the service has nothing to crawl (the shipped Arctic Shift source switched off, Reddit's
/// own API waiting for credentials): a service that idles without a word looks broken.
/// </summary>
public sealed class NoSourceWarning(IOptions<SourcesOptions> sources, ILogger<NoSourceWarning> logger) : IHostedService
{
    public const string Message =
        "No source is enabled, so nothing will be crawled: set \"Enabled\": true on a source in config/sources.json " +
        "(CRAWLER_Sources__0__Enabled=true turns the shipped Arctic Shift source back on), with any credentials it names; see the README's Reddit sections";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!sources.Value.Items.Any(s => s.Enabled))
        {
            logger.LogWarning(Message);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
