using Crawler.Dedup.Imaging;
using Crawler.TestSupport;
using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Crawler.Worker.Tests.Pipeline.Stages;

/// <summary>
/// imgur links through the stage: the API answers are the real ones in ../shared/fixtures/imgur, served
/// from loopback under api.imgur.com, and the files behind them are real photos. Shared files are read in
/// the test itself, never in a request handler: there a missing file would answer 500 instead of skipping.
/// </summary>
public sealed class FetchImageStageImgurTests
{
    private readonly List<string> _requests = [];

    private static byte[] Baboon => SharedFixtures.Bytes("images", "opencv-samples", "baboon.jpg");

    [Fact]
    [SharedFixturesTrait]
    public async Task Handle_MapsAnAlbumToItsFirstImage_AndRecordsTheOthers()
    {
        string? authorization = null;
        var (album, photo) = (SharedFixtures.Bytes("imgur", "imgur_api_v3__album_5F5Cy__3_images.json"), Baboon);
        await using var rig = await ImageStageRig.StartAsync(app =>
        {
            app.MapGet("/3/album/5F5Cy", (HttpContext ctx) =>
            {
                authorization = ctx.Request.Headers.Authorization;
                return Results.Bytes(album, "application/json");
            });
            MapFiles(app, photo);
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
    [SharedFixturesTrait]
    public async Task Handle_ResolvesAGalleryPost_ToItsFirstImage()
    {
        var (gallery, photo) = (SharedFixtures.Bytes("imgur", "imgur_api_v3__gallery_album_dO484__25_images.json"), Baboon);
        await using var rig = await ImageStageRig.StartAsync(app =>
        {
            app.MapGet("/3/gallery/dO484", () => Results.Bytes(gallery, "application/json"));
            MapFiles(app, photo);
        });

        await rig.HandleAsync("https://imgur.com/gallery/25-films-on-netflix-dO484");

        var row = await rig.RowAsync("https://imgur.com/gallery/25-films-on-netflix-dO484");
        Assert.Equal((ImageStore.Ok, "http://i.imgur.com/xUPbs5g.jpg"), (row.Status, row.ResolvedUrl));
        Assert.Equal(24, System.Text.Json.JsonSerializer.Deserialize<string[]>(row.AlbumImages!)!.Length);
    }

    [Fact]
    public async Task Handle_RecordsAnAlbumAsUnresolvable_WithoutAClientId()
    {
        await using var rig = await ImageStageRig.StartAsync(app => MapFiles(app, NeverServed), imgurClientId: null);

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
    [SharedFixturesTrait]
    public async Task Handle_FetchesTheStillOfAGifv()
    {
        var photo = Baboon;
        await using var rig = await ImageStageRig.StartAsync(app => MapFiles(app, photo));

        await rig.HandleAsync("http://i.imgur.com/zVpyzhW.gifv");

        var row = await rig.RowAsync("http://i.imgur.com/zVpyzhW.gifv");
        Assert.Equal((ImageStore.Ok, "http://i.imgur.com/zVpyzhWh.jpg"), (row.Status, row.ResolvedUrl));
        Assert.Equal(["/zVpyzhWh.jpg"], Files());
    }

    [Fact]
    public async Task Handle_SkipsAGifv_WhenAnimatedImagesAreSkipped()
    {
        await using var rig = await ImageStageRig.StartAsync(app => MapFiles(app, NeverServed), quality: q => q.Animated = AnimatedImages.Skip);

        var outcome = await rig.HandleAsync("http://i.imgur.com/zVpyzhW.gifv");

        Assert.Equal(StageOutcome.Failed("animated: http://i.imgur.com/zVpyzhW.gifv is an imgur video, and animated images are skipped"), outcome);
        Assert.Empty(_requests);
    }

    [Fact]
    [SharedFixturesTrait]
    public async Task Handle_CostsNothing_WhenAnotherLinkAlreadyDownloadedTheSameFile()
    {
        var photo = Baboon;
        await using var rig = await ImageStageRig.StartAsync(app => MapFiles(app, photo));

        await rig.HandleAsync("http://imgur.com/79MH23L");
        await rig.HandleAsync("http://i.imgur.com/79MH23L.jpg");

        Assert.Equal(["/79MH23L.jpg"], Files());
        Assert.Equal((await rig.RowAsync("http://imgur.com/79MH23L")).Sha256, (await rig.RowAsync("http://i.imgur.com/79MH23L.jpg")).Sha256);
    }

    /// <summary>Bytes for tests that assert no file is requested at all.</summary>
    private static byte[] NeverServed => [];

    /// <summary>i.imgur.com files: any name gives <paramref name="photo"/>, and the request is noted.</summary>
    private void MapFiles(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder app, byte[] photo) =>
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
            return Results.Bytes(photo, "image/jpeg");
        });

    private List<string> Files()
    {
        lock (_requests)
        {
            return [.. _requests];
        }
    }
}
