using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crawler.Worker.Tests.Web;

/// <summary>
/// What <c>/healthz</c> says while sources are paused: the sources check over the real catalog, written by the
/// service's report writer, names every paused source with its reason, so an operator needs no log to see why.
/// </summary>
public sealed class HealthReportTextTests
{
    [Fact]
    public async Task WriteAsync_SaysDegraded_AndNamesEachPausedSourceWithItsReason_OneLinePerCheckByName()
    {
        using var pipeline = await TestPipeline.StartAsync();
        var pauses = pipeline.Get<SourcePauseStore>();
        Assert.True(await pauses.RecordFailureAsync("forum-b", "layout changed: vbulletin4: no post matches 'li.postcontainer'", 1, CancellationToken.None));
        Assert.True(await pauses.RecordFailureAsync("forum-a", "layout changed: xenforo2: no post matches 'article'", 1, CancellationToken.None));
        var sources = await new SourcePauseHealthCheck(pauses).CheckHealthAsync(new HealthCheckContext(), CancellationToken.None);
        // Given out of order: the text lists checks by name, so it reads the same on every request.
        var report = new HealthReport(new Dictionary<string, HealthReportEntry>
        {
            ["sources"] = new(sources.Status, sources.Description, TimeSpan.Zero, null, null),
            ["catalog"] = new(HealthStatus.Healthy, "catalog reachable", TimeSpan.Zero, null, null),
        }, TimeSpan.Zero);
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();

        await HealthReportText.WriteAsync(context, report);

        Assert.Equal("text/plain; charset=utf-8", context.Response.ContentType);
        Assert.Equal(
            "Degraded\n" +
            "catalog: Healthy: catalog reachable\n" +
            "sources: Degraded: source forum-a paused: layout changed: xenforo2: no post matches 'article'; " +
            "source forum-b paused: layout changed: vbulletin4: no post matches 'li.postcontainer'\n",
            System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()));
    }

    [Fact]
    public async Task CheckHealthAsync_IsHealthy_WhenARunOfFailuresIsShorterThanTheLimit()
    {
        using var pipeline = await TestPipeline.StartAsync();
        var pauses = pipeline.Get<SourcePauseStore>();
        Assert.False(await pauses.RecordFailureAsync("forum-a", "layout changed: xenforo2: no post matches 'article'", 2, CancellationToken.None));

        var result = await new SourcePauseHealthCheck(pauses).CheckHealthAsync(new HealthCheckContext(), CancellationToken.None);

        Assert.Equal((HealthStatus.Healthy, "no source paused"), (result.Status, result.Description));
    }
}
