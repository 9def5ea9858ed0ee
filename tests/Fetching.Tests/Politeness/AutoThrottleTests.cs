using Crawler.Fetching.Politeness;

namespace Crawler.Fetching.Tests.Politeness;

/// <summary>Scrapy's AutoThrottle arithmetic: target = latency / concurrency; move halfway, never below the target.</summary>
public sealed class AutoThrottleTests
{
    private readonly AutoThrottle _throttle = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), targetConcurrency: 1.0);

    [Fact]
    public void Next_RisesToTheTarget_WhenTheHostSlowsDown()
    {
        Assert.Equal(TimeSpan.FromSeconds(4), _throttle.Next(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), 200));
    }

    [Fact]
    public void Next_FallsHalfway_WhenTheHostSpeedsUp()
    {
        Assert.Equal(TimeSpan.FromSeconds(2.25), _throttle.Next(TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(0.5), 200));
    }

    [Theory]
    [InlineData(404)]
    [InlineData(500)]
    [InlineData(302)]
    public void Next_NeverLowersTheDelay_OnANonSuccessAnswer(int status)
    {
        Assert.Equal(TimeSpan.FromSeconds(4), _throttle.Next(TimeSpan.FromSeconds(4), TimeSpan.FromMilliseconds(50), status));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public void Next_DoublesTheDelay_WhenTheHostSaysItIsOverloaded(int status)
    {
        Assert.Equal(TimeSpan.FromSeconds(8), _throttle.Next(TimeSpan.FromSeconds(4), TimeSpan.FromMilliseconds(50), status));
    }

    [Fact]
    public void Next_StaysWithinTheBounds()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), _throttle.Next(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(10), 200));
        Assert.Equal(TimeSpan.FromSeconds(60), _throttle.Next(TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(300), 200));
    }

    [Fact]
    public void Next_AimsForLatencyOverTargetConcurrency()
    {
        var throttle = new AutoThrottle(TimeSpan.Zero, TimeSpan.FromSeconds(60), targetConcurrency: 2.0);

        Assert.Equal(TimeSpan.FromSeconds(3), throttle.Next(TimeSpan.Zero, TimeSpan.FromSeconds(6), 200));
    }
}
