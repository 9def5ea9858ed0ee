using Crawler.Worker.Images;

namespace Crawler.Worker.Tests.Images;

public sealed class XRobotsTagTests
{
    private static readonly string[] Refused = ["noai", "noimageai"];

    [Theory]
    [InlineData("noai", "not used: X-Robots-Tag says noai")]
    [InlineData("noindex, NoImageAI", "not used: X-Robots-Tag says noimageai")]
    [InlineData("crawlerbot: noai", "not used: X-Robots-Tag says noai")]
    [InlineData("otherbot: noindex, CrawlerBot: noimageai", "not used: X-Robots-Tag says noimageai")]
    public void Refusal_FindsADirectiveForEveryoneOrForUs(string header, string expected) =>
        Assert.Equal(expected, XRobotsTag.Refusal(header, "CrawlerBot", Refused));

    [Theory]
    [InlineData(null)]
    [InlineData("noindex, nofollow")]
    [InlineData("otherbot: noai")]
    [InlineData("unavailable_after: 25 Jun 2030 15:00:00 PST")]
    public void Refusal_IgnoresOtherDirectivesAndOtherAgents(string? header) =>
        Assert.Null(XRobotsTag.Refusal(header, "CrawlerBot", Refused));
}
