using System.IO.Compression;
using Crawler.Core.Text;
using Crawler.TestSupport;
using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NetVips;

namespace Crawler.Worker.Tests.Pipeline.Stages;

/// <summary>
/// Every way an image download ends, written on the URL's row: stored and queued, refused with a reason
/// (permanent), or left pending with the reason of the last try (transient). Photos are real
/// (../shared/fixtures/images); hostile bodies are made here.
/// </summary>
public sealed class FetchImageStageTests
{
    private static byte[] Fruits => SharedFixtures.Bytes("images", "opencv-samples", "fruits.jpg");

    [Fact]
    [SharedFixturesTrait]
    public async Task Handle_StoresTheBytesUnchanged_UnderTheirSha256()
    {
        var photo = Fruits;
        await using var rig = await ImageStageRig.StartAsync(app => app.MapGet("/fruits.jpg", () => Results.Bytes(photo, "image/jpeg")));
        var url = Url("images.test", "/fruits.jpg");

        var outcome = await rig.HandleAsync(url);

        var row = await rig.RowAsync(url);
        var image = await rig.Images.GetImageAsync(row.Sha256!, TestContext.Current.CancellationToken);
        Assert.Equal(StageOutcome.Done, outcome);
        Assert.Equal((ImageStore.Ok, Sha256Hex.Of(photo)), (row.Status, row.Sha256));
        Assert.Equal(photo, await rig.Blobs.GetAsync(row.Sha256!, TestContext.Current.CancellationToken));
        Assert.Equal(("jpeg", 512, 480, ImageStore.Ok), (image!.Format, image.Width, image.Height, image.Status));
        Assert.Equal(1, await rig.CountAsync($"SELECT COUNT(*) FROM work WHERE stage = 'embed' AND item_key = '{row.Sha256}'"));
    }

    [Theory]
    [InlineData(404, "HTTP 404 Not Found")]
    [InlineData(403, "HTTP 403 Forbidden")]
    public async Task Handle_RecordsAClientError_AsPermanent(int status, string reason)
    {
        await using var rig = await ImageStageRig.StartAsync(app => app.MapGet("/gone.jpg", () => Results.StatusCode(status)));
        var url = Url("images.test", "/gone.jpg");

        var outcome = await rig.HandleAsync(url);

        Assert.Equal(StageOutcome.Failed(reason), outcome);
        Assert.Equal((ImageStore.Failed, reason, (int?)status), Summary(await rig.RowAsync(url)));
    }

    [Fact]
    public async Task Handle_KeepsTheUrlPending_WithTheReason_WhenTheHostIsDown()
    {
        await using var rig = await ImageStageRig.StartAsync(app => app.MapGet("/busy.jpg", () => Results.StatusCode(503)));
        var url = Url("images.test", "/busy.jpg");

        var outcome = await rig.HandleAsync(url);

        Assert.Equal(StageOutcome.Transient("HTTP 503 Service Unavailable"), outcome);
        Assert.Equal((ImageStore.Pending, "HTTP 503 Service Unavailable", (int?)503), Summary(await rig.RowAsync(url)));
    }

    [Fact]
    public async Task Handle_KeepsTheUrlPending_WhenTheBodyDripsTooSlowly()
    {
        await using var rig = await ImageStageRig.StartAsync(
            app => app.MapGet("/drip.jpg", async (HttpContext ctx) =>
            {
                for (var i = 0; i < 600 && !ctx.RequestAborted.IsCancellationRequested; i++)
                {
                    await ctx.Response.Body.WriteAsync(new byte[1], ctx.RequestAborted);
                    await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
                    await Task.Delay(100, ctx.RequestAborted);
                }
            }),
            fetch: f =>
            {
                f.MaxRetries = 0;
                f.MinTransferBytesPerSecond = 100;
                f.TransferRateWindowSeconds = 1;
            });
        var url = Url("images.test", "/drip.jpg");

        var outcome = await rig.HandleAsync(url);

        Assert.IsType<StageOutcome.Retry>(outcome);
        Assert.StartsWith("too slow:", (await rig.RowAsync(url)).Reason, StringComparison.Ordinal);
        Assert.Equal(ImageStore.Pending, (await rig.RowAsync(url)).Status);
    }

    [Fact]
    public async Task Handle_RefusesHtmlServedAsJpeg_WithoutStoringIt()
    {
        await using var rig = await ImageStageRig.StartAsync(app => app.MapGet("/photo.jpg", () =>
            Results.Bytes("<!DOCTYPE html><html><body>Please log in</body></html>"u8.ToArray(), "image/jpeg")));
        var url = Url("images.test", "/photo.jpg");

        var outcome = await rig.HandleAsync(url);

        Assert.Equal(StageOutcome.Failed("not an image: the body is HTML or XML"), outcome);
        Assert.Equal((ImageStore.Failed, "not an image: the body is HTML or XML", (int?)null), Summary(await rig.RowAsync(url)));
        Assert.Equal(0, await rig.CountAsync("SELECT COUNT(*) FROM images"));
    }

    [Fact]
    public async Task Handle_RefusesA50000By50000Png_FromItsHeader()
    {
        var bomb = HugePng.Create(50_000, 50_000);
        await using var rig = await ImageStageRig.StartAsync(app => app.MapGet("/huge.png", () => Results.Bytes(bomb, "image/png")));
        var url = Url("images.test", "/huge.png");

        var outcome = await rig.HandleAsync(url);

        Assert.Equal(StageOutcome.Failed("too many pixels: 50000x50000 exceeds the cap of 100,000,000"), outcome);
        Assert.Equal(ImageStore.Failed, (await rig.RowAsync(url)).Status);
    }

    [Fact]
    [SharedFixturesTrait]
    public async Task Handle_RefusesACorruptJpeg()
    {
        var half = Fruits[..(Fruits.Length / 2)];
        await using var rig = await ImageStageRig.StartAsync(app => app.MapGet("/half.jpg", () => Results.Bytes(half, "image/jpeg")));
        var url = Url("images.test", "/half.jpg");

        await rig.HandleAsync(url);

        var row = await rig.RowAsync(url);
        Assert.Equal(ImageStore.Failed, row.Status);
        Assert.StartsWith("corrupt Jpeg image", row.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_RefusesAGzipBomb_AtTheByteCap()
    {
        await using var rig = await ImageStageRig.StartAsync(
            app => app.MapGet("/bomb.jpg", async (HttpContext ctx) =>
            {
                ctx.Response.ContentType = "image/jpeg";
                ctx.Response.Headers.ContentEncoding = "gzip";
                var zeros = new byte[1 << 20];
                try
                {
                    await using var gzip = new GZipStream(ctx.Response.Body, CompressionLevel.Fastest, leaveOpen: true);
                    for (var i = 0; i < 10 * 1024 && !ctx.RequestAborted.IsCancellationRequested; i++)
                    {
                        await gzip.WriteAsync(zeros, ctx.RequestAborted);
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or IOException)
                {
                    // The client hung up at its cap.
                }
            }),
            fetch: f => f.MaxImageBytes = 2 << 20);
        var url = Url("images.test", "/bomb.jpg");

        var outcome = await rig.HandleAsync(url);

        Assert.Equal(StageOutcome.Failed("too large: the decoded body exceeds the cap of 2,097,152 bytes"), outcome);
        Assert.Equal(ImageStore.Failed, (await rig.RowAsync(url)).Status);
    }

    [Fact]
    [SharedFixturesTrait]
    public async Task Handle_DoesNotUseAnImageMarkedNoImageAi()
    {
        var photo = Fruits;
        await using var rig = await ImageStageRig.StartAsync(app => app.MapGet("/mine.jpg", (HttpContext ctx) =>
        {
            ctx.Response.Headers["X-Robots-Tag"] = "noimageai";
            return Results.Bytes(photo, "image/jpeg");
        }));
        var url = Url("images.test", "/mine.jpg");

        var outcome = await rig.HandleAsync(url);

        Assert.Equal(StageOutcome.Failed("not used: X-Robots-Tag says noimageai"), outcome);
        Assert.Equal(0, await rig.CountAsync("SELECT COUNT(*) FROM images"));
    }

    [Fact]
    public async Task Handle_StoresButDoesNotUse_ANearBlankImage()
    {
        using var white = Image.Black(600, 400, bands: 3).NewFromImage(255, 255, 255).Cast(Enums.BandFormat.Uchar);
        var blank = white.PngsaveBuffer();
        await using var rig = await ImageStageRig.StartAsync(app => app.MapGet("/blank.png", () => Results.Bytes(blank, "image/png")));
        var url = Url("images.test", "/blank.png");

        await rig.HandleAsync(url);

        var row = await rig.RowAsync(url);
        Assert.Equal(ImageStore.Failed, row.Status);
        Assert.Equal("near-blank: pixel deviation 0.00 is under 2.00", row.Reason);
        Assert.Equal(0, await rig.CountAsync("SELECT COUNT(*) FROM work WHERE stage = 'embed'"));
    }

    [Fact]
    [SharedFixturesTrait]
    public async Task Handle_CostsNothing_ForAUrlAlreadyFetched()
    {
        var hits = 0;
        var photo = Fruits;
        await using var rig = await ImageStageRig.StartAsync(app => app.MapGet("/once.jpg", () =>
        {
            Interlocked.Increment(ref hits);
            return Results.Bytes(photo, "image/jpeg");
        }));
        var url = Url("images.test", "/once.jpg");

        await rig.HandleAsync(url);
        var again = await rig.HandleAsync(url);

        Assert.Equal(StageOutcome.Done, again);
        Assert.Equal(1, hits);
    }

    [Fact]
    [SharedFixturesTrait]
    public async Task Handle_ReusesTheStoredDecision_ForBytesAlreadyStored_UnderAnotherUrl()
    {
        var photo = Fruits;
        await using var rig = await ImageStageRig.StartAsync(app => app.MapGet("/copy/{n}", (string n) => Results.Bytes(photo, "image/jpeg")));
        var first = Url("images.test", "/copy/1.jpg");
        var second = Url("images.test", "/copy/2.jpg");
        await rig.HandleAsync(first);
        // A decision made about the image after it was stored: a second decode would not know it.
        await rig.Images.RecordImageFailedAsync(Sha256Hex.Of(photo), "rejected in review", TestContext.Current.CancellationToken);

        await rig.HandleAsync(second);

        var row = await rig.RowAsync(second);
        Assert.Equal((ImageStore.Failed, Sha256Hex.Of(photo), "rejected in review"), (row.Status, row.Sha256, row.Reason));
        Assert.Equal(1, await rig.CountAsync("SELECT COUNT(*) FROM images"));
    }

    [Fact]
    [SharedFixturesTrait]
    public async Task Handle_KeepsThePreviewSignature_AndUndoesHtmlEscapedAmpersands()
    {
        string? query = null;
        var photo = Fruits;
        await using var rig = await ImageStageRig.StartAsync(app => app.MapGet("/f1xjmxgj3d5h1.jpeg", (HttpContext ctx) =>
        {
            query = ctx.Request.QueryString.Value;
            return Results.Bytes(photo, "image/jpeg");
        }));

        await rig.HandleAsync("http://preview.redd.it/f1xjmxgj3d5h1.jpeg?width=1080&amp;format=pjpg&amp;auto=webp&amp;s=6a4fcbd2b4e0c1a9f7e2d3b5c8a1e0f9d2c3b4a5");

        Assert.Equal("?width=1080&format=pjpg&auto=webp&s=6a4fcbd2b4e0c1a9f7e2d3b5c8a1e0f9d2c3b4a5", query);
    }

    [Fact]
    public async Task Handle_ConsultsTheForumsRobotsTxt_ForItsAttachments()
    {
        await using var rig = await ImageStageRig.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nDisallow: /forum/attachments/\n"));
            app.MapGet("/forum/attachments/{**rest}", () => Results.Bytes("never reached"u8.ToArray(), "image/jpeg"));
        });
        var url = Url("forum.test", "/forum/attachments/retouching/12345d1500000000t-before.png");

        var outcome = await rig.HandleAsync(url);

        Assert.Equal(StageOutcome.Failed("disallowed by robots.txt of forum.test"), outcome);
    }

    /// <summary>Plain http: every host name is sent to the loopback server by a host override.</summary>
    private static string Url(string host, string path) => $"http://{host}{path}";

    private static (string Status, string? Reason, int? HttpStatus) Summary(ImageUrlRow row) => (row.Status, row.Reason, row.HttpStatus);
}
