using Crawler.Worker.Sources;

namespace Crawler.Worker.Tests.Sources;

public sealed class SourcesValidatorTests
{
    [Fact]
    public void Validate_NamesTheMissingVariable_WhenAnEnabledSourcesCredentialsAreNotInTheEnvironment()
    {
        var oauth = new RedditOAuthOptions { ClientIdVariable = "CRAWLER_TEST_ABSENT_" + Guid.NewGuid().ToString("N") };
        var options = new SourcesOptions { Items = [Source(enabled: true, oauth)] };

        var result = new SourcesValidator().Validate(null, options);

        Assert.Equal(
            [$"Sources:0:OAuth: the environment variable {oauth.ClientIdVariable} is not set; Reddit's API needs the app's client id and secret"],
            result.Failures);
    }

    [Fact]
    public void Validate_AcceptsADisabledSourceWithoutCredentials_ButStillChecksItsTokenUrl()
    {
        var oauth = new RedditOAuthOptions { ClientIdVariable = "CRAWLER_TEST_ABSENT_" + Guid.NewGuid().ToString("N"), TokenUrl = "not a url" };
        var options = new SourcesOptions { Items = [Source(enabled: false, oauth)] };

        var result = new SourcesValidator().Validate(null, options);

        Assert.Equal(["Sources:0:OAuth:TokenUrl: The TokenUrl field is not a valid fully-qualified http, https, or ftp URL."], result.Failures);
    }

    [Fact]
    public void Validate_RejectsUnknownPairingRules_AndAcceptsBattle()
    {
        var options = new SourcesOptions { Items = [Source(enabled: false, new RedditOAuthOptions()), Source(enabled: false, new RedditOAuthOptions())] };
        options.Items[0].Name = "a";
        options.Items[0].Pairing.Rules = "contest";
        options.Items[1].Pairing.Rules = "battle";

        var result = new SourcesValidator().Validate(null, options);

        Assert.Equal(["Sources:0:Pairing:Rules: unknown pairing rules 'contest'; known: request, battle."], result.Failures);
    }

    private static SourceOptions Source(bool enabled, RedditOAuthOptions oauth) => new()
    {
        Name = "reddit",
        BaseUrl = "https://oauth.reddit.com/",
        Communities = ["PhotoshopRequest"],
        Enabled = enabled,
        OAuth = oauth,
    };
}
