using Crawler.Fetching;

namespace Crawler.Fetching.Tests;

public sealed class FetchOptionsValidatorTests
{
    [Fact]
    public void Validate_RequiresAContactUrl_InTheUserAgent()
    {
        var result = new FetchOptionsValidator().Validate(null, new FetchOptions { UserAgent = "CrawlerBot/1.0" });

        Assert.Equal(
            ["Fetch:UserAgent: 'CrawlerBot/1.0' has no contact URL; site operators must be able to reach us, e.g. 'CrawlerBot/1.0 (+https://example.org/bot)'"],
            result.Failures);
    }

    [Fact]
    public void Validate_RequiresAProductToken_ForRobotsTxtGroups()
    {
        var result = new FetchOptionsValidator().Validate(null, new FetchOptions { UserAgent = "(+https://example.org/bot)" });

        Assert.Equal(
            ["Fetch:UserAgent: '(+https://example.org/bot)' does not start with a product token such as 'CrawlerBot/1.0', which robots.txt groups are matched against"],
            result.Failures);
    }

    [Fact]
    public void Validate_AcceptsTheDefaultUserAgent() =>
        Assert.True(new FetchOptionsValidator().Validate(null, new FetchOptions()).Succeeded);
}
