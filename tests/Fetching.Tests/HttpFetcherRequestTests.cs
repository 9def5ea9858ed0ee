using Crawler.TestSupport;
using Crawler.Fetching;
using Crawler.TestSupport.Fetching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Crawler.Fetching.Tests;

/// <summary>What the fetcher sends: its identity, conditional revisits, and retries that still wait their turn.</summary>
public sealed class HttpFetcherRequestTests
{
    private static readonly FixedExemptions Exempt = FixedExemptions.Robots("test");

    [Fact]
    public async Task Fetch_RevisitsConditionally_AndReportsNotModified()
    {
        var conditions = new List<(string? IfNoneMatch, string? IfModifiedSince)>();
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/thread.json", (HttpContext ctx) =>
        {
            var etag = ctx.Request.Headers.IfNoneMatch.FirstOrDefault();
            conditions.Add((etag, ctx.Request.Headers.IfModifiedSince.FirstOrDefault()));
            if (etag == "\"v1\"")
            {
                return Results.StatusCode(304);
            }
            ctx.Response.Headers.ETag = "\"v1\"";
            ctx.Response.Headers.LastModified = "Tue, 03 Mar 2026 10:00:00 GMT";
            return Results.Text("{}", "application/json");
        }));
        using var rig = new FetcherRig(exemptions: Exempt);
        var url = FetcherRig.At(server, "/thread.json");

        var first = await rig.GetAsync(url);
        var second = await rig.Fetcher.FetchAsync(new FetchRequest(url, FetchKind.Page, "test", first.ETag, first.LastModified), TestContext.Current.CancellationToken);

        Assert.Equal(("\"v1\"", "Tue, 03 Mar 2026 10:00:00 GMT"), (first.ETag, first.LastModified));
        Assert.True(second.NotModified);
        Assert.Empty(second.Body);
        Assert.Equal(("\"v1\"", "Tue, 03 Mar 2026 10:00:00 GMT"), conditions[1]);
    }

    [Fact]
    public async Task Fetch_IdentifiesItself_WithTheConfiguredUserAgent()
    {
        string? agent = null;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/who", (HttpContext ctx) =>
        {
            agent = ctx.Request.Headers.UserAgent;
            return Results.Text("hello");
        }));
        using var rig = new FetcherRig(fetch: f => f.UserAgent = "PhotoEditResearch/2.1 (+https://lab.example.org/crawler)", exemptions: Exempt);

        await rig.GetAsync(FetcherRig.At(server, "/who"));

        Assert.Equal("PhotoEditResearch/2.1 (+https://lab.example.org/crawler)", agent);
    }

    [Fact]
    public async Task Fetch_RetriesOnlyInTheHostsTurn_NotAfterTheShortBackoff()
    {
        var start = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(start);
        var arrivals = new List<DateTimeOffset>();
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/wobbly", () =>
        {
            lock (arrivals)
            {
                arrivals.Add(clock.GetUtcNow());
                return arrivals.Count == 1 ? Results.StatusCode(503) : Results.Text("ok");
            }
        }));
        using var rig = new FetcherRig(
            clock,
            fetch: f => f.PageTimeoutSeconds = 3600,
            politeness: p => p.MinDelayMilliseconds = 5000,
            exemptions: Exempt);

        await ClockPump.RunAsync(clock, rig.GetAsync(FetcherRig.At(server, "/wobbly")), TimeSpan.FromMilliseconds(250));

        // The retry backoff is 10 ms here; the host's 5 s delay still applies to the retry.
        Assert.Equal(2, arrivals.Count);
        Assert.True(arrivals[1] - start >= TimeSpan.FromSeconds(5), $"retried at +{arrivals[1] - start}");
    }
}
