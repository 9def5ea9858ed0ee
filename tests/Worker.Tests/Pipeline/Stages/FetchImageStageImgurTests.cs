using Crawler.Dedup.Imaging;
using Crawler.TestSupport;
using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Crawler.Worker.Tests.Pipeline.Stages;

/// <summary>
/// imgur links through the stage: the API answers are the real ones in ../shared/fixtures/imgur, served
/// from loopback under api.imgur.com, and the files behind them are real photos.
/// </summary>
public sealed class FetchImageStageImgurTests
{
    private readonly List<string> _requests = [];

    [Fact]
    public async Task Handle_MapsAnAlbumToItsFirstImage_AndRecordsTheOthers()
    {
        string? authorization = null;
        await using var rig = await ImageStageRig.StartAsync(app =>
        {
            app.MapGet("/3/album/5F5Cy", (HttpContext ctx) =>
            {
                authorization = ctx.Request.Headers.Authorization;
                return Results.Bytes(SharedFixtures.Bytes("imgur", "imgur_api_v3__album_5F5Cy__3_images.json"), "application/json");
            });
            MapFiles(app);
        });

        var outcome = await rig.HandleAsync("http://imgur.com/a/5F5Cy");

        var row = await rig.RowAsync("http://imgur.com/a/5F5Cy");
        Assert.Equal(StageOutcome.Done, outcome);
        Assert.Equal("Client-ID test-client", authorization);
        Assert.Equal((ImageStore.Ok, "http://i.imgur.com/79MH23L.png"), (row.Status, row.ResolvedUrl));
        Assert.Equal("""["http://i.imgur.com/CqEsRhO.png","http://i.imgur.com/zYOxPum.png"]""", row.AlbumImages);
        Assert.Equal(["/79MH23L.png"], Files());
    }

    [Fact]
    public async Task Handle_ResolvesAGalleryPost_ToItsFirstImage()
    {
        await using var rig = await ImageStageRig.StartAsync(app =>
        {
            app.MapGet("/3/gallery/dO484", () => Results.Bytes(SharedFixtures.Bytes("imgur", "imgur_api_v3__gallery_album_dO484__25_images.json"), "application/json"));
            MapFiles(app);
        });

        await rig.HandleAsync("https://imgur.com/gallery/25-films-on-netflix-dO484");

        var row = await rig.RowAsync("https://imgur.com/gallery/25-films-on-netflix-dO484");
        Assert.Equal((ImageStore.Ok, "http://i.imgur.com/xUPbs5g.jpg"), (row.Status, row.ResolvedUrl));
        Assert.Equal(24, System.Text.Json.JsonSerializer.Deserialize<string[]>(row.AlbumImages!)!.Length);
    }

    [Fact]
    public async Task Handle_RecordsAnAlbumAsUnresolvable_WithoutAClientId()
    {
        await using var rig = await ImageStageRig.StartAsync(MapFiles, imgurClientId: null);

        var outcome = await rig.HandleAsync("https://imgur.com/a/5F5Cy");

        const string Reason = "unresolvable: imgur album 5F5Cy needs the imgur API, and no Client-ID is set (environment variable IMGUR_CLIENT_ID)";
        Assert.Equal(StageOutcome.Failed(Reason), outcome);
        Assert.Equal((ImageStore.Failed, Reason), ((await rig.RowAsync("https://imgur.com/a/5F5Cy")).Status, (await rig.RowAsync("https://imgur.com/a/5F5Cy")).Reason));
        Assert.Empty(_requests);
    }

    [Fact]
    public async Task Handle_RecordsAMissingAlbum_AsPermanent()
    {
        await using var rig = await ImageStageRig.StartAsync(app => app.MapGet("/3/album/{id}", () => Results.NotFound()));

        var outcome = await rig.HandleAsync("https://imgur.com/a/zzzzz");

        Assert.Equal(StageOutcome.Failed("unresolvable: imgur album zzzzz is gone or private (HTTP 404 Not Found)"), outcome);
    }

    [Fact]
    public async Task Handle_FetchesTheStillOfAGifv()
    {
        await using var rig = await ImageStageRig.StartAsync(MapFiles);

        await rig.HandleAsync("http://i.imgur.com/zVpyzhW.gifv");

        var row = await rig.RowAsync("http://i.imgur.com/zVpyzhW.gifv");
        Assert.Equal((ImageStore.Ok, "http://i.imgur.com/zVpyzhWh.jpg"), (row.Status, row.ResolvedUrl));
        Assert.Equal(["/zVpyzhWh.jpg"], Files());
    }

    [Fact]
    public async Task Handle_SkipsAGifv_WhenAnimatedImagesAreSkipped()
    {
        await using var rig = await ImageStageRig.StartAsync(MapFiles, quality: q => q.Animated = AnimatedImages.Skip);

        var outcome = await rig.HandleAsync("http://i.imgur.com/zVpyzhW.gifv");

        Assert.Equal(StageOutcome.Failed("animated: http://i.imgur.com/zVpyzhW.gifv is an imgur video, and animated images are skipped"), outcome);
        Assert.Empty(_requests);
    }

    [Fact]
    public async Task Handle_CostsNothing_WhenAnotherLinkAlreadyDownloadedTheSameFile()
    {
        await using var rig = await ImageStageRig.StartAsync(MapFiles);

        await rig.HandleAsync("http://imgur.com/79MH23L");
        await rig.HandleAsync("http://i.imgur.com/79MH23L.jpg");

        Assert.Equal(["/79MH23L.jpg"], Files());
        Assert.Equal((await rig.RowAsync("http://imgur.com/79MH23L")).Sha256, (await rig.RowAsync("http://i.imgur.com/79MH23L.jpg")).Sha256);
    }

    /// <summary>i.imgur.com files: any name gives a real photo, and the request is noted.</summary>
    private void MapFiles(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder app) =>
        app.MapGet("/{file}", (string file, HttpContext ctx) =>
        {
            if (!file.EndsWith(".png", StringComparison.Ordinal) && !file.EndsWith(".jpg", StringComparison.Ordinal))
            {
                return Results.NotFound();
            }
            lock (_requests)
            {
                _requests.Add(ctx.Request.Path.Value!);
            }
            return Results.Bytes(SharedFixtures.Bytes("images", "opencv-samples", "baboon.jpg"), "image/jpeg");
        });

    private List<string> Files()
    {
        lock (_requests)
        {
            return [.. _requests];
        }
    }
}
