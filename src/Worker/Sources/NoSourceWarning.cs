using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Sources;

/// <summary>
/// Says at start when the service has nothing to crawl: every source ships disabled (Reddit needs credentials
/// first), and a service that idles without a word looks broken.
/// </summary>
public sealed class NoSourceWarning(IOptions<SourcesOptions> sources, ILogger<NoSourceWarning> logger) : IHostedService
{
    public const string Message =
        "No source is enabled, so nothing will be crawled: set \"Enabled\": true on a source in config/sources.json " +
        "(or CRAWLER_Sources__0__Enabled=true), with the credentials it names; see the README's Reddit section";

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
