using Crawler.TestSupport;
using Crawler.Fetching.Robots;

namespace Crawler.Fetching.Tests.Robots;

/// <summary>
/// Real robots.txt files (../shared/fixtures/robots) read for our token, CrawlerBot, and for the tokens
/// they name. Expected answers are worked out by hand from each file's rules and RFC 9309.
/// </summary>
[SharedFixturesTrait]
public sealed class RobotsParserSharedFixtureTests
{
    private const string Reddit2022 = "robots_txt__reddit_com__2022-07-10.txt";
    private const string Reddit2024 = "robots_txt__reddit_com__2024-06-30_full_rules.txt";
    private const string RedditBlanket = "robots_txt__reddit_com__2024-07-07_blanket_disallow.txt";
    private const string Imgur = "robots_txt__imgur_com__2023-05-28.txt";

    [Theory]
    [InlineData(Reddit2022, "/r/PhotoshopRequest/new.json", false)] // Disallow: /*.json
    [InlineData(Reddit2022, "/r/PhotoshopRequest/comments/abc123/fix_my_photo/", true)] // */comment/* needs "/comment/", not "/comments/"
    [InlineData(Reddit2022, "/r/pics/.rss", true)] // Allow: /r/*.rss (8) beats Disallow: /*.rss (6)
    [InlineData(Reddit2022, "/r/pics/comments/abc.rss", false)] // Disallow: /r/*/comments/*.rss (19) beats Allow: /r/*.rss
    [InlineData(Reddit2022, "/r/pics/submit", false)] // Disallow: /r/*/submit$
    [InlineData(Reddit2022, "/r/pics/submitted", true)] // the $ anchors the end
    [InlineData(Reddit2022, "/api/v1/me", false)] // Disallow: /api
    [InlineData(Reddit2022, "/r/pics/?after=t3_abc", false)] // Disallow: /*after=
    [InlineData(Reddit2022, "/robots.txt", true)] // always allowed
    [InlineData(Reddit2024, "/r/pics/comments/abc/title/de/xyz", true)] // Allow .../*/*/de/* (22) beats Disallow .../*/*/*/* (21)
    [InlineData(Reddit2024, "/r/pics/comments/abc/title/xyz/more", false)] // Disallow: /r/*/comments/*/*/*/*
    [InlineData(Reddit2024, "/r/pics/comments/abc/search/", true)] // Allow: /r/*/comments/*/search/$ beats Disallow: /*/search/$
    [InlineData(Reddit2024, "/media", false)]
    [InlineData(Reddit2024, "/mediaembed/x", false)]
    [InlineData(Reddit2024, "/r/PhotoshopRequest/", true)] // Allow: /
    [InlineData(RedditBlanket, "/r/PhotoshopRequest/", false)] // Disallow: /
    [InlineData(RedditBlanket, "/", false)]
    [InlineData(RedditBlanket, "/robots.txt", true)]
    [InlineData(Imgur, "/3/gallery/album/dO484", true)] // Allow: /3/gallery (10) beats Disallow: /3/ (4)
    [InlineData(Imgur, "/3/album/5F5Cy", false)] // Disallow: /3/
    [InlineData(Imgur, "/a/5F5Cy", true)]
    [InlineData(Imgur, "/register?redirect=%2Fupload", false)] // Disallow: *register?redirect*
    [InlineData(Imgur, "/search/score?q=cats", false)] // Disallow: /search
    public void IsAllowed_AnswersAsTheRealFileSays_ForOurToken(string file, string path, bool allowed)
    {
        var rules = RobotsParser.Parse(SharedFixtures.Bytes("robots", file), "CrawlerBot");

        Assert.Equal(allowed, rules.IsAllowed(new Uri("https://www.example.com" + path)));
    }

    [Theory]
    [InlineData(Reddit2022, "MJ12bot", "/r/pics/", false)] // its own group: Disallow: /
    [InlineData(Reddit2022, "mj12BOT", "/r/pics/", false)] // tokens match case-insensitively
    [InlineData(Reddit2022, "bender", "/my_shiny_metal_ass", false)]
    [InlineData(Reddit2022, "bender", "/r/pics/new.json", true)] // bender's group replaces '*', which disallows .json
    [InlineData(Imgur, "Mediapartners-Google", "/3/album/5F5Cy", true)] // Allow: *
    public void IsAllowed_UsesTheGroupOfTheNamedToken_InsteadOfTheStarGroup(string file, string token, string path, bool allowed)
    {
        var rules = RobotsParser.Parse(SharedFixtures.Bytes("robots", file), token);

        Assert.Equal(allowed, rules.IsAllowed(new Uri("https://www.example.com" + path)));
    }
}
