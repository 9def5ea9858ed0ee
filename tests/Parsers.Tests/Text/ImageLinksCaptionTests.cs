using Crawler.Parsers.Text;

namespace Crawler.Parsers.Tests.Text;

public sealed class ImageLinksCaptionTests
{
    [Theory]
    [InlineData("[Cat in space](https://i.imgur.com/Sp4ce.jpg)", "Cat in space")]
    [InlineData("![img](https://preview.redd.it/abc123.png?width=640&amp;s=x) Took the box away", "Took the box away")]
    [InlineData("[https://i.imgur.com/Sp4ce.jpg](https://i.imgur.com/Sp4ce.jpg)", "")]
    [InlineData("Here you go:   https://i.imgur.com/a\\_b.jpg.\n\n\nfun one", "Here you go:\nfun one")]
    [InlineData("inspired by [this](https://example.com/story) https://i.redd.it/x1.png", "inspired by [this](https://example.com/story)")]
    public void WithoutImages_KeepsTheCaption_AndNonImageLinks(string body, string caption)
    {
        Assert.Equal(caption, ImageLinks.WithoutImages(body));
    }
}
