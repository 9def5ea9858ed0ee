using System.Text;
using Crawler.Fetching.Robots;

namespace Crawler.Fetching.Tests.Robots;

/// <summary>RFC 9309 rules that the real files do not happen to exercise.</summary>
public sealed class RobotsParserTests
{
    [Fact]
    public void IsAllowed_PrefersAllow_WhenAnAllowAndADisallowAreEquallyLong()
    {
        var rules = Parse("User-agent: *\nDisallow: /page\nAllow: /page\n");

        Assert.True(rules.IsAllowed(new Uri("http://h.test/page/1")));
    }

    [Fact]
    public void Parse_MergesEveryGroupNamingUs_AndIgnoresTheStarGroup()
    {
        var rules = Parse("""
            User-agent: *
            Disallow: /

            User-agent: OtherBot
            User-agent: crawlerbot/2.0
            Disallow: /one

            User-agent: CrawlerBot
            Disallow: /two
            """);

        Assert.False(rules.IsAllowed(new Uri("http://h.test/one")));
        Assert.False(rules.IsAllowed(new Uri("http://h.test/two")));
        Assert.True(rules.IsAllowed(new Uri("http://h.test/three")));
    }

    [Fact]
    public void Parse_GivesAnEmptyGroupForUs_PrecedenceOverTheStarGroup()
    {
        var rules = Parse("User-agent: *\nDisallow: /\n\nUser-agent: CrawlerBot\n");

        Assert.True(rules.IsAllowed(new Uri("http://h.test/anything")));
    }

    [Fact]
    public void IsAllowed_AllowsEverything_WhenNoGroupApplies()
    {
        var rules = Parse("User-agent: OtherBot\nDisallow: /\n");

        Assert.True(rules.IsAllowed(new Uri("http://h.test/x")));
    }

    [Fact]
    public void IsAllowed_ComparesNonAsciiAndEscapesInOneForm()
    {
        var rules = Parse("User-agent: *\nDisallow: /ümlaut\nDisallow: /a%2fb\nDisallow: /%7Etilde\n");

        Assert.False(rules.IsAllowed(new Uri("http://h.test/%C3%BCmlaut")));
        Assert.False(rules.IsAllowed(new Uri("http://h.test/a%2Fb")));
        Assert.False(rules.IsAllowed(new Uri("http://h.test/~tilde")));
        Assert.True(rules.IsAllowed(new Uri("http://h.test/a/b")));
    }

    [Fact]
    public void Parse_ReadsCrawlDelay_OfOurGroup()
    {
        var rules = Parse("User-agent: *\nCrawl-delay: 2.5 # seconds\nDisallow: /tmp\n");

        Assert.Equal(TimeSpan.FromSeconds(2.5), rules.CrawlDelay);
    }

    [Fact]
    public void Parse_IgnoresRulesBeyond500KiB()
    {
        var filler = "# " + new string('x', 1000) + "\n";
        var text = "User-agent: *\nDisallow: /early\n" + string.Concat(Enumerable.Repeat(filler, 520)) + "Disallow: /late\n";

        var rules = Parse(text);

        Assert.False(rules.IsAllowed(new Uri("http://h.test/early")));
        Assert.True(rules.IsAllowed(new Uri("http://h.test/late")));
    }

    [Fact]
    public void Parse_IgnoresAnEmptyDisallow_AndRulesBeforeAnyUserAgent()
    {
        var rules = Parse("Disallow: /orphan\nUser-agent: *\nDisallow:\n");

        Assert.True(rules.IsAllowed(new Uri("http://h.test/orphan")));
        Assert.Empty(rules.Patterns);
    }

    private static RobotsRules Parse(string text) => RobotsParser.Parse(Encoding.UTF8.GetBytes(text), "CrawlerBot");
}
