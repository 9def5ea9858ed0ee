using Crawler.Parsers.Reddit;
using Crawler.Worker.Sources;

namespace Crawler.Worker.Tests.Sources;

/// <summary>A Reddit API source pointed at a <see cref="RedditApiServer"/>, its credentials in variables unique to the test.</summary>
internal static class RedditSourceOptions
{
    /// <param name="polite">Keeps the fetcher's per-host gate on for the server (budgets, Retry-After); off, requests never wait.</param>
    public static SourceOptions For(RedditApiServer server, int moreChildrenCalls = 10, bool polite = false)
    {
        var suffix = Guid.NewGuid().ToString("N");
        var oauth = new RedditOAuthOptions
        {
            TokenUrl = server.TokenUrl.AbsoluteUri,
            ClientIdVariable = "CRAWLER_TEST_REDDIT_ID_" + suffix,
            ClientSecretVariable = "CRAWLER_TEST_REDDIT_SECRET_" + suffix,
        };
        Environment.SetEnvironmentVariable(oauth.ClientIdVariable, RedditApiServer.ClientId);
        Environment.SetEnvironmentVariable(oauth.ClientSecretVariable, RedditApiServer.ClientSecret);
        return new SourceOptions
        {
            Name = "reddit-test",
            Adapter = RedditJsonParser.FormatName,
            BaseUrl = server.BaseUrl.AbsoluteUri,
            Communities = ["PhotoshopRequest"],
            ListingPages = 5,
            RevisitWindowHours = 72,
            MoreChildrenCalls = moreChildrenCalls,
            ExemptFromRobots = true,
            NoPoliteness = !polite,
            OAuth = oauth,
        };
    }
}
