using Crawler.Worker.Images;

namespace Crawler.Worker.Tests.Images;

public sealed class ImgurLinksTests
{
    [Theory]
    [InlineData("https://i.imgur.com/79MH23L.png", ImgurLinks.Kind.File, "79MH23L", ".png")]
    [InlineData("https://i.imgur.com/zVpyzhW.gifv", ImgurLinks.Kind.File, "zVpyzhW", ".gifv")]
    [InlineData("https://imgur.com/79MH23L", ImgurLinks.Kind.Page, "79MH23L", "")]
    [InlineData("https://m.imgur.com/79MH23L.jpg", ImgurLinks.Kind.File, "79MH23L", ".jpg")]
    [InlineData("http://imgur.com/a/5F5Cy", ImgurLinks.Kind.Album, "5F5Cy", "")]
    [InlineData("https://imgur.com/gallery/dO484", ImgurLinks.Kind.Gallery, "dO484", "")]
    [InlineData("https://imgur.com/gallery/25-films-on-netflix-dO484", ImgurLinks.Kind.Gallery, "dO484", "")]
    [InlineData("https://imgur.com/t/funny/dO484", ImgurLinks.Kind.Gallery, "dO484", "")]
    [InlineData("https://imgur.com/user/someone", ImgurLinks.Kind.NotImgur, "", "")]
    [InlineData("https://i.redd.it/abc123.png", ImgurLinks.Kind.NotImgur, "", "")]
    public void Classify_RecognisesEachShapeOfLink(string url, ImgurLinks.Kind kind, string id, string extension) =>
        Assert.Equal((kind, id, extension), ImgurLinks.Classify(new Uri(url)));

    [Theory]
    [InlineData("zVpyzhW", ".gifv", "https://i.imgur.com/zVpyzhWh.jpg")]
    [InlineData("zVpyzhW", ".mp4", "https://i.imgur.com/zVpyzhWh.jpg")]
    [InlineData("79MH23L", ".png", "https://i.imgur.com/79MH23L.png")]
    [InlineData("79MH23L", "", "https://i.imgur.com/79MH23L.jpg")]
    public void Still_NamesTheStillImageOfAnUpload(string id, string extension, string expected) =>
        Assert.Equal(new Uri(expected), ImgurLinks.Still("https", id, extension));
}
