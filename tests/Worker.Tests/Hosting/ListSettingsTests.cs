using Crawler.Core.Domain;
using Crawler.Parsers.Reddit;
using Crawler.Worker.Images;
using Crawler.Worker.Hosting;
using Crawler.Worker.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Tests.Hosting;

/// <summary>
/// A list in the configuration replaces the built-in list rather than adding to it (as configuration binding
/// would on its own), and an unset list keeps the defaults: the user who names their bots is not left with
/// AutoModerator among them, nor can lose it by leaving the setting alone.
/// </summary>
public sealed class ListSettingsTests
{
    [Fact]
    public void ConfiguredLists_ReplaceTheDefaults()
    {
        using var services = Services(new(Source)
        {
            ["Sources:0:Pairing:Bots:0"] = "ImageHelperBot",
            ["ImageHosts:RefusedRobotsTagDirectives:0"] = "noml",
        });

        var pairing = services.GetRequiredService<IOptions<SourcesOptions>>().Value.Items.Single().Pairing;
        Assert.Equal(["ImageHelperBot"], pairing.Bots);
        Assert.Equal("reply by bot ImageHelperBot", EditBy("ImageHelperBot", pairing).DropReason);
        Assert.True(EditBy("AutoModerator", pairing).Taken);
        Assert.Equal(["noml"], services.GetRequiredService<IOptions<ImageHostsOptions>>().Value.RefusedRobotsTagDirectivesInForce);
    }

    [Fact]
    public void UnsetLists_KeepTheDefaults()
    {
        using var services = Services(Source);

        var pairing = services.GetRequiredService<IOptions<SourcesOptions>>().Value.Items.Single().Pairing;
        Assert.Equal("reply by bot AutoModerator", EditBy("AutoModerator", pairing).DropReason);
        Assert.Equal(["noai", "noimageai"], services.GetRequiredService<IOptions<ImageHostsOptions>>().Value.RefusedRobotsTagDirectivesInForce);
    }

    private static readonly Dictionary<string, string?> Source = new()
    {
        ["Sources:0:Name"] = "reddit",
        ["Sources:0:BaseUrl"] = "https://oauth.reddit.com/",
        ["Sources:0:Communities:0"] = "PhotoshopRequest",
    };

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddCrawler(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>The one candidate of a request answered by <paramref name="author"/> with an image.</summary>
    private static PairCandidate EditBy(string author, RedditPairingOptions options)
    {
        var reply = new ParsedReply("r1", "t1", author, 200, 1, "", false, ["https://i.redd.it/edit.jpg"]);
        var thread = new ParsedThread("t1", "PhotoshopRequest", "Fix my photo", "please", "op", 100, null, false, false, ["https://i.redd.it/original.jpg"], [reply], []);
        return Assert.Single(RedditPairing.Pair(thread, options).Candidates);
    }
}
