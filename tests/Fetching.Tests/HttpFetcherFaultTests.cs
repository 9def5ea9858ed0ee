using System.IO.Compression;
using Crawler.TestSupport;
using Crawler.Fetching;
using Crawler.TestSupport.Fetching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Crawler.Fetching.Tests;

/// <summary>
/// The fetcher against a loopback server that misbehaves on purpose. Each case ends in its documented
/// outcome: a body, or a <see cref="FetchException"/> whose reason and transient flag are asserted.
/// </summary>
public sealed class HttpFetcherFaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fetch_WaitsTheRetryAfter_When429()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var arrivals = new List<DateTimeOffset>();
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/limited", (HttpContext ctx) =>
        {
            lock (arrivals)
            {
                arrivals.Add(clock.GetUtcNow());
                if (arrivals.Count == 1)
                {
                    ctx.Response.Headers.RetryAfter = "30";
                    return Results.StatusCode(429);
                }
            }
            return Results.Text("finally");
        }));
        // A long timeout: the fake clock runs ahead of the real sockets, and only Retry-After is under test.
        using var rig = new FetcherRig(clock, f =>
        {
            f.MinTransferBytesPerSecond = 0;
            f.PageTimeoutSeconds = 3600;
        });

        var response = await ClockPump.RunAsync(clock, rig.GetAsync(FetcherRig.At(server, "/limited")), TimeSpan.FromMilliseconds(500));

        Assert.Equal("finally", System.Text.Encoding.UTF8.GetString(response.Body));
        Assert.Equal(2, arrivals.Count);
        Assert.True(arrivals[1] - arrivals[0] >= TimeSpan.FromSeconds(30), $"retried after {arrivals[1] - arrivals[0]}");
    }

    [Fact]
    public async Task Fetch_FailsTransientAtOnce_WhenRetryAfterIsLongerThanARequestMayWait()
    {
        var hits = 0;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/later", (HttpContext ctx) =>
        {
            Interlocked.Increment(ref hits);
            ctx.Response.Headers.RetryAfter = "3600";
            return Results.StatusCode(429);
        }));
        using var rig = new FetcherRig(politeness: p => p.MaxWaitSeconds = 60);

        var first = await Assert.ThrowsAsync<FetchException>(() => rig.GetAsync(FetcherRig.At(server, "/later")));
        var second = await Assert.ThrowsAsync<FetchException>(() => rig.GetAsync(FetcherRig.At(server, "/later")));

        Assert.True(first.Transient);
        Assert.Equal(429, first.StatusCode);
        Assert.Equal(TimeSpan.FromHours(1), first.RetryAfter);
        // The host said wait an hour: the second request is held back without reaching it.
        Assert.True(second.Transient);
        Assert.StartsWith($"host {FetcherRig.Host} asked us to wait", second.Message, StringComparison.Ordinal);
        Assert.Equal(1, hits);
    }

    [Fact]
    public async Task Fetch_Succeeds_AfterABurstOf503()
    {
        var hits = 0;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/busy", () =>
            Interlocked.Increment(ref hits) <= 2 ? Results.StatusCode(503) : Results.Text("up again")));
        using var rig = new FetcherRig(fetch: f => f.MaxRetries = 2);

        var response = await rig.GetAsync(FetcherRig.At(server, "/busy"));

        Assert.Equal("up again", System.Text.Encoding.UTF8.GetString(response.Body));
        Assert.Equal(3, hits);
    }

    [Fact]
    public async Task Fetch_GivesUpAsTransient_AfterTheConfiguredRetries_WhenEveryAnswerIs503()
    {
        var hits = 0;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/down", () =>
        {
            Interlocked.Increment(ref hits);
            return Results.StatusCode(503);
        }));
        using var rig = new FetcherRig(fetch: f => f.MaxRetries = 3);

        var error = await Assert.ThrowsAsync<FetchException>(() => rig.GetAsync(FetcherRig.At(server, "/down")));

        Assert.True(error.Transient);
        Assert.Equal(503, error.StatusCode);
        Assert.Equal("HTTP 503 Service Unavailable", error.Message);
        Assert.Equal(4, hits);
    }

    [Theory]
    [InlineData(404, "HTTP 404 Not Found")]
    [InlineData(403, "HTTP 403 Forbidden")]
    [InlineData(410, "HTTP 410 Gone")]
    public async Task Fetch_FailsPermanentlyWithoutRetrying_OnOther4xx(int status, string reason)
    {
        var hits = 0;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/missing", () =>
        {
            Interlocked.Increment(ref hits);
            return Results.StatusCode(status);
        }));
        using var rig = new FetcherRig(fetch: f => f.MaxRetries = 3);

        var error = await Assert.ThrowsAsync<FetchException>(() => rig.GetAsync(FetcherRig.At(server, "/missing")));

        Assert.False(error.Transient);
        Assert.Equal(reason, error.Message);
        Assert.Equal(1, hits);
    }

    [Fact]
    public async Task Fetch_Succeeds_AfterConnectionResets()
    {
        var hits = 0;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/flaky", (HttpContext ctx) =>
        {
            if (Interlocked.Increment(ref hits) <= 2)
            {
                ctx.Abort();
                return Results.Empty;
            }
            return Results.Text("steady");
        }));
        using var rig = new FetcherRig(fetch: f => f.MaxRetries = 2);

        var response = await rig.GetAsync(FetcherRig.At(server, "/flaky"));

        Assert.Equal("steady", System.Text.Encoding.UTF8.GetString(response.Body));
        Assert.Equal(3, hits);
    }

    [Fact]
    public async Task Fetch_FailsTransient_WhenTheBodyIsCutShort()
    {
        await using var server = new RawHttpServer(RawHttpServer.Answer("""
            HTTP/1.1 200 OK
            Content-Type: image/jpeg
            Content-Length: 10000

            """, new byte[4_000]));
        using var rig = new FetcherRig(
            fetch: f => f.MaxRetries = 1,
            exemptions: FixedExemptions.Robots("test"));

        var error = await Assert.ThrowsAsync<FetchException>(() => rig.GetAsync(new Uri($"http://{FetcherRig.Host}:{server.Port}/cut"), FetchKind.Image));

        Assert.True(error.Transient);
        Assert.StartsWith("connection broken while reading the body", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_AbandonsASlowDrip_BeforeTheTotalTimeout()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/drip", async (HttpContext ctx) =>
        {
            ctx.Response.ContentType = "image/jpeg";
            // One byte every 100 ms, for at most a minute: bounded even if the client never hung up.
            for (var i = 0; i < 600 && !ctx.RequestAborted.IsCancellationRequested; i++)
            {
                await ctx.Response.Body.WriteAsync(new byte[1], ctx.RequestAborted);
                await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
                await Task.Delay(100, ctx.RequestAborted);
            }
        }));
        using var rig = new FetcherRig(fetch: f =>
        {
            f.MaxRetries = 0;
            f.MinTransferBytesPerSecond = 100;
            f.TransferRateWindowSeconds = 1;
            f.ImageTimeoutSeconds = 300;
        });

        var error = await Assert.ThrowsAsync<FetchException>(() => rig.GetAsync(FetcherRig.At(server, "/drip"), FetchKind.Image));

        Assert.True(error.Transient);
        Assert.Matches(@"^too slow: \d+ bytes in 1 s, under the minimum of 100 bytes/s$", error.Message);
    }

    [Fact]
    public async Task Fetch_StopsAGzipBombAtTheCap_WithoutInflatingIt()
    {
        long produced = 0;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/bomb", async (HttpContext ctx) =>
        {
            ctx.Response.ContentType = "image/jpeg";
            ctx.Response.Headers.ContentEncoding = "gzip";
            var zeros = new byte[1 << 20];
            try
            {
                await using var gzip = new GZipStream(ctx.Response.Body, CompressionLevel.Fastest, leaveOpen: true);
                // About 10 GB of zeros once inflated, produced a megabyte at a time and never held.
                for (var i = 0; i < 10 * 1024 && !ctx.RequestAborted.IsCancellationRequested; i++)
                {
                    await gzip.WriteAsync(zeros, ctx.RequestAborted);
                    Interlocked.Add(ref produced, zeros.Length);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
                // The client hung up at its cap, which is the point.
            }
        }));
        using var rig = new FetcherRig(fetch: f => f.MaxImageBytes = 4 << 20);

        var error = await Assert.ThrowsAsync<FetchException>(() => rig.GetAsync(FetcherRig.At(server, "/bomb"), FetchKind.Image));

        Assert.False(error.Transient);
        Assert.Equal("too large: the decoded body exceeds the cap of 4,194,304 bytes", error.Message);
        Assert.True(Interlocked.Read(ref produced) < 1L << 30, $"the server produced {Interlocked.Read(ref produced):N0} bytes before the client hung up");
    }

    [Fact]
    public async Task Fetch_RefusesADeclaredOversizeBody_BeforeReadingIt()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/huge", () => Results.Bytes(new byte[3000], "image/png")));
        using var rig = new FetcherRig(fetch: f => f.MaxImageBytes = 1000);

        var error = await Assert.ThrowsAsync<FetchException>(() => rig.GetAsync(FetcherRig.At(server, "/huge"), FetchKind.Image));

        Assert.False(error.Transient);
        Assert.Equal("too large: 3,000 bytes declared, the cap is 1,000", error.Message);
    }

    [Fact]
    public async Task Fetch_TimesOut_WhenHeadersNeverCome()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/silent", async (HttpContext ctx) =>
            await Task.Delay(TimeSpan.FromMinutes(1), ctx.RequestAborted)));
        var clock = new FakeTimeProvider();
        using var rig = new FetcherRig(clock, f =>
        {
            f.MaxRetries = 0;
            f.PageTimeoutSeconds = 20;
        }, exemptions: FixedExemptions.Robots("test"));

        var error = await Assert.ThrowsAsync<FetchException>(() =>
            ClockPump.RunAsync(clock, rig.GetAsync(FetcherRig.At(server, "/silent")), TimeSpan.FromSeconds(1)));

        Assert.True(error.Transient);
        Assert.Equal("timed out after 20 s", error.Message);
    }
}
