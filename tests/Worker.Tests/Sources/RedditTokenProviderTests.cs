using Crawler.Fetching;
using Crawler.Worker.Sources;

namespace Crawler.Worker.Tests.Sources;

/// <summary>App-only OAuth against the loopback token endpoint, through the real fetcher.</summary>
public sealed class RedditTokenProviderTests
{
    [Fact]
    public async Task Token_IsRequestedOnce_AndRenewedOnlyAfterItExpires()
    {
        await using var server = await RedditApiServer.StartAsync();
        var source = RedditSourceOptions.For(server);
        using var pipeline = await TestPipeline.StartAsync(source);
        var tokens = pipeline.Get<RedditTokenProvider>();

        var first = await tokens.TokenAsync(source, source.OAuth!, CancellationToken.None);
        var again = await tokens.TokenAsync(source, source.OAuth!, CancellationToken.None);
        pipeline.Time.Advance(TimeSpan.FromHours(24));
        var renewed = await tokens.TokenAsync(source, source.OAuth!, CancellationToken.None);

        Assert.Equal(("token-1", "token-1", "token-2"), (first, again, renewed));
        Assert.Equal(2, server.Count("POST /api/v1/access_token"));
    }

    [Fact]
    public async Task Token_FailsForGood_WhenRedditRefusesTheCredentials()
    {
        await using var server = await RedditApiServer.StartAsync();
        var source = RedditSourceOptions.For(server);
        Environment.SetEnvironmentVariable(source.OAuth!.ClientSecretVariable, "wrong");
        using var pipeline = await TestPipeline.StartAsync(source);

        var error = await Assert.ThrowsAsync<FetchException>(() => pipeline.Get<RedditTokenProvider>().TokenAsync(source, source.OAuth!, CancellationToken.None));

        Assert.False(error.Transient);
        Assert.StartsWith($"Reddit refused the client credentials from {source.OAuth.ClientIdVariable}/{source.OAuth.ClientSecretVariable}: HTTP 401", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SourceFetcher_GetsAFreshToken_WhenTheApiRefusesTheOldOne()
    {
        await using var server = await RedditApiServer.StartAsync();
        var source = RedditSourceOptions.For(server);
        using var pipeline = await TestPipeline.StartAsync(source);
        var fetcher = pipeline.Get<SourceFetcher>();
        var listing = server.Url("r/PhotoshopRequest/new.json?limit=100&raw_json=1");
        await fetcher.GetAsync(source, listing, CancellationToken.None);

        server.RevokeTokens();
        var response = await fetcher.GetAsync(source, listing, CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(2, server.Count("POST /api/v1/access_token"));
        Assert.Equal(3, server.Count("GET /r/PhotoshopRequest/new.json")); // the refused request and its retry
    }
}
