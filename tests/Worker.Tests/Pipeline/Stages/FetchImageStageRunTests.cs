using System.IO.Compression;
using Crawler.TestSupport;
using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Tests.Pipeline.Stages;

/// <summary>One stage run over a batch of every kind of bad image link, as the service would meet them.</summary>
public sealed class FetchImageStageRunTests
{
    [Fact]
    [SharedFixturesTrait]
    public async Task Run_EndsEveryLinkInItsDocumentedOutcome_WithoutStopping()
    {
        var photo = SharedFixtures.Bytes("images", "opencv-samples", "baboon.jpg");
        var bomb = HugePng.Create(50_000, 50_000);
        await using var rig = await ImageStageRig.StartAsync(
            app =>
            {
                app.MapGet("/good.jpg", () => Results.Bytes(photo, "image/jpeg"));
                app.MapGet("/missing.jpg", () => Results.NotFound());
                app.MapGet("/busy.jpg", () => Results.StatusCode(503));
                app.MapGet("/login.jpg", () => Results.Bytes("<html>log in</html>"u8.ToArray(), "image/jpeg"));
                app.MapGet("/huge.png", () => Results.Bytes(bomb, "image/png"));
                app.MapGet("/half.jpg", () => Results.Bytes(photo[..(photo.Length / 3)], "image/jpeg"));
                app.MapGet("/loop.jpg", () => Results.Redirect("/loop2.jpg"));
                app.MapGet("/loop2.jpg", () => Results.Redirect("/loop.jpg"));
                app.MapGet("/zeros.jpg", async (HttpContext ctx) =>
                {
                    ctx.Response.Headers.ContentEncoding = "gzip";
                    try
                    {
                        await using var gzip = new GZipStream(ctx.Response.Body, CompressionLevel.Fastest, leaveOpen: true);
                        for (var i = 0; i < 10 * 1024 && !ctx.RequestAborted.IsCancellationRequested; i++)
                        {
                            await gzip.WriteAsync(new byte[1 << 20], ctx.RequestAborted);
                        }
                    }
                    catch (Exception e) when (e is OperationCanceledException or IOException)
                    {
                        // The client hung up at its cap.
                    }
                });
            },
            fetch: f => f.MaxImageBytes = 2 << 20);
        var expected = new Dictionary<string, string>
        {
            ["/good.jpg"] = ImageStore.Ok,
            ["/missing.jpg"] = ImageStore.Failed,
            ["/busy.jpg"] = ImageStore.Pending,
            ["/login.jpg"] = ImageStore.Failed,
            ["/huge.png"] = ImageStore.Failed,
            ["/half.jpg"] = ImageStore.Failed,
            ["/loop.jpg"] = ImageStore.Failed,
            ["/zeros.jpg"] = ImageStore.Failed,
        };
        var urls = expected.Keys.Select(p => $"http://images.test{p}").ToList();
        await rig.Queue.EnqueueAsync(StageNames.FetchImage, urls.Select(u => (u, u)), ct: TestContext.Current.CancellationToken);
        var runner = new StageRunner([rig.Stage], rig.Queue, Options.Create(new PipelineOptions()), TimeProvider.System, NullLogger<StageRunner>.Instance);

        var summary = await runner.RunAsync(StageNames.FetchImage, TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken);

        Assert.Equal(new StageRunSummary(StageNames.FetchImage, Done: 1, Retried: 1, Deferred: 0, Failed: 6), summary);
        foreach (var (path, status) in expected)
        {
            var row = await rig.RowAsync($"http://images.test{path}");
            Assert.True(status == row.Status, $"{path}: {row.Status} ({row.Reason})");
            Assert.True(status == ImageStore.Ok || row.Reason is { Length: > 0 }, $"{path} has no reason");
        }
    }
}
