using Crawler.Worker.Sources;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Tests.Sources;

public sealed class SourceFetchExemptionsTests
{
    private static readonly SourceFetchExemptions Exemptions = new(new Monitor(new SourcesOptions
    {
        Items =
        [
            new SourceOptions { Name = "api", BaseUrl = "https://oauth.reddit.com/", ExemptFromRobots = true },
            new SourceOptions { Name = "demo", BaseUrl = "http://sample.crawler.test/", NoPoliteness = true },
            new SourceOptions { Name = "pages", BaseUrl = "https://old.reddit.com/" },
        ],
    }));

    [Fact]
    public void SkipsRobots_OnlyForTheSourceMarkedExempt()
    {
        Assert.True(Exemptions.SkipsRobots("api"));
        Assert.False(Exemptions.SkipsRobots("pages"));
        Assert.False(Exemptions.SkipsRobots("demo"));
    }

    [Fact]
    public void SkipsPoliteness_OnlyForTheHostOfASourceMarkedNoPoliteness_InAnyCase()
    {
        Assert.True(Exemptions.SkipsPoliteness("SAMPLE.crawler.test"));
        Assert.False(Exemptions.SkipsPoliteness("oauth.reddit.com"));
        Assert.False(Exemptions.SkipsPoliteness("old.reddit.com"));
    }

    private sealed class Monitor(SourcesOptions value) : IOptionsMonitor<SourcesOptions>
    {
        public SourcesOptions CurrentValue => value;

        public SourcesOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SourcesOptions, string?> listener) => null;
    }
}
