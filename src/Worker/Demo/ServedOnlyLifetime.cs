using Microsoft.Extensions.Hosting;

namespace Crawler.Worker.Demo;

/// <summary>A host lifetime that listens to no signal: the sample site lives exactly as long as the demo disposes it.</summary>
internal sealed class ServedOnlyLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
