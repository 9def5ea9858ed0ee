using Crawler.TestSupport;
using Crawler.Fetching;
using Crawler.Worker.Images;

namespace Crawler.Worker.Tests.Images;

/// <summary>The real imgur API v3 answers in ../shared/fixtures/imgur.</summary>
public sealed class ImgurJsonTests
{
    [Fact]
    [SharedFixturesTrait]
    public void Images_ListsAnAlbumInItsOwnOrder()
    {
        var images = ImgurJson.Images(SharedFixtures.Bytes("imgur", "imgur_api_v3__album_5F5Cy__3_images.json"), "album", "5F5Cy");

        Assert.Equal(
            ["http://i.imgur.com/79MH23L.png", "http://i.imgur.com/CqEsRhO.png", "http://i.imgur.com/zYOxPum.png"],
            images.Select(i => i.Still.AbsoluteUri));
    }

    [Fact]
    [SharedFixturesTrait]
    public void Images_TurnsAnAnimatedImageIntoItsStill_NamedByItsId()
    {
        // The link of this large GIF is its 'h' thumbnail GIF (zVpyzhWh.gif); the still comes from the id.
        var images = ImgurJson.Images(SharedFixtures.Bytes("imgur", "imgur_api_v3__image_zVpyzhW_gif.json"), "gallery post", "zVpyzhW");

        Assert.Equal(["http://i.imgur.com/zVpyzhWh.jpg"], images.Select(i => i.Still.AbsoluteUri));
    }

    [Fact]
    public void Images_RefusesAnUnsuccessfulAnswer_SayingWhy()
    {
        var error = Assert.Throws<FetchException>(() => ImgurJson.Images("""{"data":{"error":"Unauthorized"},"success":false,"status":401}"""u8.ToArray(), "album", "abcde"));

        Assert.False(error.Transient);
        Assert.Equal("unresolvable: imgur says the album abcde failed: Unauthorized", error.Message);
    }

    [Fact]
    public void Images_RefusesAnEmptyAlbum() =>
        Assert.Equal(
            "unresolvable: imgur album abcde has no images",
            Assert.Throws<FetchException>(() => ImgurJson.Images("""{"data":{"id":"abcde","images":[]},"success":true}"""u8.ToArray(), "album", "abcde")).Message);
}
