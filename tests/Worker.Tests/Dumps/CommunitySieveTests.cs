using System.Text;
using Crawler.Worker.Dumps;

namespace Crawler.Worker.Tests.Dumps;

public sealed class CommunitySieveTests
{
    private static readonly CommunitySieve Sieve = new(["PhotoshopRequest", "estoration"]);

    [Theory]
    [InlineData("{\"subreddit\":\"pics\",\"title\":\"a\"}")]
    [InlineData("{\"subreddit\" : \"PhotoshopRequests\"}")]
    [InlineData("{\"crosspost\":{\"subreddit\":\"pics\"},\"subreddit\":\"aww\",\"title\":\"broken")]
    [InlineData("{\"title\":\"caf\\u00e9\",\"crosspost\":{\"subreddit\":\"PhotoshopRequest\"},\"subreddit\":\"pics\"}")]
    public void SaysNotWanted_OnlyWhenEverySubredditNamedIsAnother(string line) =>
        Assert.False(Sieve.MayBeWanted(Encoding.UTF8.GetBytes(line)));

    [Theory]
    [InlineData("{\"subreddit\":\"PhotoshopRequest\"}")]
    [InlineData("{\"subreddit\":\t\"PHOTOSHOPREQUEST\"}")]
    [InlineData("{\"crosspost\":{\"subreddit\":\"pics\"},\"subreddit\":\"estoration\"}")]
    [InlineData("{\"subreddit\":\"Photoshop\\u0052equest\"}")]
    [InlineData("{\"sub\\u0072eddit\":\"PhotoshopRequest\"}")]
    [InlineData("{\"title\":\"no community named\"}")]
    [InlineData("not json at all")]
    [InlineData("{\"title\":\"caf\\u00e9\",\"subreddit\":\"pics\",\"score\":")]
    [InlineData("{\"title\":\"\\ud83d\",\"subreddit\":\"PhotoshopRequest\"}")]
    public void LeavesToTheParser_AnyLineThatMayBeWanted_OrNamesNoSubreddit(string line) =>
        Assert.True(Sieve.MayBeWanted(Encoding.UTF8.GetBytes(line)));
}
