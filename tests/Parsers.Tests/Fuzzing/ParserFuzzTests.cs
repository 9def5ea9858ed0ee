using System.Text;
using System.Text.Json;
using Crawler.Core.Domain;
using Crawler.Parsers.Reddit;
using Crawler.Parsers.Reddit.ArcticShift;
using Crawler.Parsers.Reddit.Dumps;
using Crawler.Parsers.Reddit.Html;
using Crawler.Parsers.Tests.Reddit;
using Crawler.TestSupport;
using Crawler.TestSupport.Fuzzing;

namespace Crawler.Parsers.Tests.Fuzzing;

/// <summary>
/// Every parser over seeded mutations of real pages and dump lines: each input is parsed into well-formed
/// text or refused with a <see cref="PageFormatException"/> saying why, within a time limit and an allocation
/// bound. The project's own pages always run; the larger samples of ../shared run when present.
/// </summary>
public sealed class ParserFuzzTests
{
    private const int Seed = 11_2026;

    /// <summary>A hang guard only: the slowest input, a 4 MiB string in a page, parses in under a second.</summary>
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(30);

    private static readonly Uri PageUrl = new("https://old.reddit.com/r/PhotoshopRequest/comments/1ca0b7m/x/");

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Dictionary<string, IPageParser> Parsers = new Dictionary<string, IPageParser>
    {
        [RedditJsonParser.FormatName] = new RedditJsonParser(),
        [RedditHtmlParser.FormatName] = new RedditHtmlParser(),
        [PushshiftParser.FormatName] = new PushshiftParser(),
        [ArcticShiftParser.FormatName] = new ArcticShiftParser(),
    };

    [Theory]
    [InlineData(RedditJsonParser.FormatName, 600)]
    [InlineData(RedditHtmlParser.FormatName, 300)]
    [InlineData(PushshiftParser.FormatName, 600)]
    [InlineData(ArcticShiftParser.FormatName, 400)]
    public async Task Parse_AcceptsOrRefusesWithAReason_EveryMutationOfTheProjectsOwnPages(string format, int count)
    {
        await FuzzAsync(format, OwnSeeds(format), count);
    }

    [Theory]
    [InlineData(RedditJsonParser.FormatName, "reddit", "*.json", 400)]
    [InlineData(RedditHtmlParser.FormatName, "reddit", "*.html", 100)]
    [InlineData(PushshiftParser.FormatName, "dumps", "*.ndjson", 300)]
    [SharedFixturesTrait]
    public async Task Parse_AcceptsOrRefusesWithAReason_EveryMutationOfTheSharedSamples(string format, string folder, string pattern, int count)
    {
        var seeds = Directory.GetFiles(SharedFixtures.PathOf(folder), pattern).Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).ToList();

        await FuzzAsync(format, seeds, count);
    }

    private static async Task FuzzAsync(string format, IReadOnlyList<(string Name, byte[] Bytes)> seeds, int count)
    {
        var grammar = format == RedditHtmlParser.FormatName ? MutationGrammar.Html : MutationGrammar.Json;

        var tally = await FuzzRun.RunAsync(FuzzRun.Mutants(seeds, count, Seed, grammar), bytes => Attempt(Parsers[format], bytes), PerInput,
            // A DOM costs about 15 times its page; anything near the bound is a leak or a blow-up.
            length => (64 * length) + (64 << 20));

        Assert.Equal(count, tally.Total);
        Assert.True(tally.Accepted > 0 && tally.Refused > 0, $"{format}: {tally.Accepted} accepted, {tally.Refused} refused: the mutations should do both");
    }

    /// <returns>Null when the page was parsed into well-formed text, else why it was refused.</returns>
    private static string? Attempt(IPageParser parser, byte[] bytes)
    {
        ParsedPage page;
        try
        {
            page = parser.Parse(bytes, PageUrl);
        }
        catch (PageFormatException e)
        {
            return e.Message;
        }
        // What is accepted goes into the catalog and the parse verb's JSON: no half characters.
        foreach (var text in Texts(page))
        {
            StrictUtf8.GetByteCount(text);
        }
        return null;
    }

    private static IEnumerable<string> Texts(ParsedPage page) =>
        page.Threads.SelectMany(t => (string?[])[t.Id, t.Community, t.Title, t.Body, t.Author, t.Flair, .. t.Images, .. t.More, .. t.Replies.SelectMany(ReplyTexts)])
            .Concat(page.Replies.SelectMany(ReplyTexts))
            .Concat([page.Next, .. page.More])
            .OfType<string>();

    private static string?[] ReplyTexts(ParsedReply r) => [r.Id, r.ParentId, r.LinkId, r.Author, r.Body, .. r.Images];

    /// <summary>
    /// The project's own fixtures; dump lines are the things of the captured listing without their kind
    /// wrapper, which is how Pushshift and Arctic Shift write them.
    /// </summary>
    private static List<(string Name, byte[] Bytes)> OwnSeeds(string format)
    {
        if (format == RedditHtmlParser.FormatName)
        {
            return [("psr_oldreddit_comments__1ca0b7m.html", PhotoshopRequestFixtures.Bytes("psr_oldreddit_comments__1ca0b7m.html"))];
        }
        string[] pages = ["psr_comments_gallery_request__1c9x2kq.json", "psr_listing_new.json", "psr_morechildren__1c9x2kq.json"];
        if (format == RedditJsonParser.FormatName)
        {
            return [.. pages.Select(p => (p, PhotoshopRequestFixtures.Bytes(p)))];
        }
        using var listing = JsonDocument.Parse(PhotoshopRequestFixtures.Bytes("psr_listing_new.json"));
        var lines = listing.RootElement.GetProperty("data").GetProperty("children").EnumerateArray()
            .Select(child => child.GetProperty("data").GetRawText().ReplaceLineEndings(""))
            .ToList();
        if (format == ArcticShiftParser.FormatName)
        {
            // An Arctic Shift answer holds the same objects, without their kind wrapper, in a data array.
            return [("psr_listing_new.json as an Arctic Shift answer", Encoding.UTF8.GetBytes("{\"data\": [" + string.Join(",\n", lines) + "]}"))];
        }
        return [("dump lines of psr_listing_new.json", Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n")), ("its first line", Encoding.UTF8.GetBytes(lines[0]))];
    }
}
