using Crawler.Parsers.Reddit.Html;
using Crawler.TestSupport;

namespace Crawler.Parsers.Tests.Reddit.Html;

/// <summary>The HTML parser on saved Reddit pages from ../shared/fixtures/reddit (skipped when absent).</summary>
[SharedFixturesTrait]
public sealed class RedditHtmlParserSharedFixtureTests
{
    private readonly RedditHtmlParser _parser = new();

    [Fact]
    public void Parse_OldRedditListing2016_GivesEveryRowWithItsDataAttributes_AndTheAfterToken()
    {
        var page = _parser.Parse(SharedFixtures.Bytes("reddit", "old_reddit_html__listing_r_worldnews_2016__fiit_crawler.html"));

        Assert.Equal(25, page.Threads.Count);
        Assert.Equal("t3_56m0mo", page.Next);
        var first = page.Threads[0];
        Assert.Equal(("56rk5v", "statelessnfaithless", "worldnews", 1476099915L), (first.Id, first.Author, first.Community, first.CreatedUtc));
        Assert.Equal("Hurricane Matthew toll in Haiti rises to 1,000, dead buried in mass graves", first.Title);
        Assert.Equal("https://www.reddit.com/r/worldnews/comments/56rk5v/hurricane_matthew_toll_in_haiti_rises_to_1000/", first.Url);
        Assert.Empty(first.Images);
        Assert.Empty(first.Replies);
        Assert.Equal("Syria/Iraq", page.Threads.Single(t => t.Id == "56rydm").Flair);
        Assert.Equal("Turkey", page.Threads.Single(t => t.Id == "56pqls").Flair);
        Assert.Equal("56m0mo", page.Threads[^1].Id);
    }

    [Fact]
    public void Parse_OldRedditListing2013_ReadsTheVisibleMarkup_WhenDataAttributesAreMissing()
    {
        var page = _parser.Parse(SharedFixtures.Bytes("reddit", "oldreddit_listing_r-dataisbeautiful_top_2013.html"));

        Assert.Equal(25, page.Threads.Count);
        Assert.Equal("t3_1k5xw4", page.Next);
        var oc = page.Threads.Single(t => t.Id == "1jwms2");
        Assert.Equal(("juraj", "dataisbeautiful", "OC", 1375905865L), (oc.Author, oc.Community, oc.Flair, oc.CreatedUtc));
        Assert.Equal(["http://imgur.com/x3jnoWh"], oc.Images);
        Assert.Equal("https://www.reddit.com/r/dataisbeautiful/comments/1jwms2/ive_told_a_close_friend_i_like_her_after_knowing/", oc.Url);
        var adult = page.Threads[0];
        Assert.Equal(("1l4pb5", true), (adult.Id, adult.Nsfw));
        Assert.Equal("Pornhub Average Visit Duration and Top 3 Search Terms by State", adult.Title);
    }

    [Fact]
    public void Parse_OldRedditComments2016_FlattensEveryCommentWithItsParent_AndCollectsMoreIds()
    {
        var page = _parser.Parse(SharedFixtures.Bytes("reddit", "old_reddit_html__comments_r_gifs_imgur_links_2016__fiit_crawler.html"));

        var thread = Assert.Single(page.Threads);
        Assert.Equal(("579km2", "Ms_Virtualizza", "gifs", "Happiness", 1476354491L), (thread.Id, thread.Author, thread.Community, thread.Title, thread.CreatedUtc));
        Assert.Equal(["http://i.imgur.com/ik3lIft.gifv"], thread.Images);
        Assert.Equal("https://www.reddit.com/r/gifs/comments/579km2/happiness/", thread.Url);
        Assert.Equal(200, thread.Replies.Count);
        Assert.Equal(437, thread.More.Count);
        Assert.Equal(["d8q6wg4", "d8q7n1k", "d8qbsvx", "d8q8ys0", "d8q9vc0", "d8qb015", "d8q8fsu", "d8q7yp3"], thread.More.Take(8));
        var top = thread.Replies[0];
        Assert.Equal(("d8q3zds", "579km2", "ThatsMyHoverboard", 970), (top.Id, top.ParentId, top.Author, top.Score));
        Assert.Equal(DateTimeOffset.Parse("2016-10-13T11:39:02+00:00", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds(), top.CreatedUtc);
        Assert.Equal(["https://i.imgur.com/qqQHdMZ.gifv"], top.Images);
        var child = thread.Replies[1];
        Assert.Equal(("d8q5teu", "d8q3zds", "mrhelton", 673), (child.Id, child.ParentId, child.Author, child.Score));
        Assert.Equal("I wish I had the power to make people that happy with only a signature and a few seconds of my time.", child.Body);
        Assert.Equal(0, thread.Replies.Single(r => r.Id == "d8q96tc").Score); // score-hidden
    }

    [Fact]
    public void Parse_OldRedditComments2026_GivesTheSelfPostBodyFlairAndAllComments()
    {
        var page = _parser.Parse(SharedFixtures.Bytes("reddit", "oldreddit_comments_r-google_antigravity_1q95ifn_2026.html"));

        var thread = Assert.Single(page.Threads);
        Assert.Equal(("1q95ifn", "Timelord102", "google_antigravity", "Discussion", 1768055484L), (thread.Id, thread.Author, thread.Community, thread.Flair, thread.CreatedUtc));
        Assert.StartsWith("$20/month is not for unlimited Antigravity, you goobers.", thread.Body, StringComparison.Ordinal);
        Assert.Contains("\n\nFor context before anyone starts yelling:\n\n", thread.Body, StringComparison.Ordinal);
        Assert.Empty(thread.Images);
        Assert.Equal(117, thread.Replies.Count);
        Assert.Empty(thread.More);
        Assert.Equal(("nysll2o", "1q95ifn", "JoeyDee86", 35), (thread.Replies[0].Id, thread.Replies[0].ParentId, thread.Replies[0].Author, thread.Replies[0].Score));
        Assert.Equal(("nyswk26", "nysll2o", "karlkrum"), (thread.Replies[1].Id, thread.Replies[1].ParentId, thread.Replies[1].Author));
    }

    [Fact]
    public void Parse_NewRedditPostPage_GivesThePostFromShredditPostAttributes_WithoutComments()
    {
        var page = _parser.Parse(SharedFixtures.Bytes("reddit", "newreddit_shreddit_post_r-google_antigravity_1q9toqt_2026.html"));

        var thread = Assert.Single(page.Threads);
        Assert.Equal(("1q9toqt", "shahyahya", "google_antigravity", "Venting", false), (thread.Id, thread.Author, thread.Community, thread.Flair, thread.Nsfw));
        Assert.Equal("Gemini 3 Pro is either full gung-ho or need to be micromanaged & it has become more frustrating than ever to work with", thread.Title);
        Assert.Equal(DateTimeOffset.Parse("2026-01-11T08:00:13+00:00", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds(), thread.CreatedUtc);
        Assert.Equal("https://www.reddit.com/r/google_antigravity/comments/1q9toqt/gemini_3_pro_is_either_full_gungho_or_need_to_be/", thread.Url);
        Assert.StartsWith("One of the big turn-off of using Gemini 3 Pro and Flash", thread.Body, StringComparison.Ordinal);
        Assert.Equal(["https://preview.redd.it/gemini-3-pro-is-either-full-gung-ho-or-need-to-be-v0-iv5bp891cocg1.png?width=786&format=png&auto=webp&s=14791abd98296be1602e13d9b636eaec4b391d7b"], thread.Images);
        Assert.Empty(thread.Replies);
        Assert.Empty(thread.More);
        Assert.Null(page.Next);
    }
}
