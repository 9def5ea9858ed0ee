using Crawler.Worker.Sources;

namespace Crawler.Worker.Tests.Sources;

public sealed class RedditRateLimitTests
{
    [Fact]
    public void From_ReadsUsedRemainingAndReset_AsRedditSendsThem()
    {
        var limit = RedditRateLimit.From(new Dictionary<string, string>
        {
            ["x-ratelimit-used"] = "37",
            ["x-ratelimit-remaining"] = "563.0",
            ["x-ratelimit-reset"] = "212",
        });

        Assert.Equal(new RedditRateLimit(37, 563, TimeSpan.FromSeconds(212)), limit);
    }

    [Theory]
    [InlineData(null, "1.0")]
    [InlineData("12", null)]
    [InlineData("soon", "1.0")]
    [InlineData("1713916807", "0")]
    public void From_GivesNull_WhenTheBudgetIsNotFullyAnnouncedInRedditsForm(string? reset, string? remaining)
    {
        var headers = new Dictionary<string, string>();
        if (reset is not null)
        {
            headers["x-ratelimit-reset"] = reset;
        }
        if (remaining is not null)
        {
            headers["x-ratelimit-remaining"] = remaining;
        }

        Assert.Null(RedditRateLimit.From(headers));
    }
}
