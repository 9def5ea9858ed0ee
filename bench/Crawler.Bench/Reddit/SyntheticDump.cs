using System.Globalization;
using System.Text;
using ZstdSharp;
using ZstdSharp.Unsafe;

namespace Crawler.Bench.Reddit;

/// <summary>
/// Writes a Pushshift-shaped pair of dumps, submissions (RS) then comments (RC), half the bytes each, in the
/// fields and key order of the real 2018 files (../shared/fixtures/dumps): image and link posts carry
/// <c>preview</c> objects with six resolutions, self posts and comments carry text of skewed length, a fifth
/// of titles hold escaped non-ASCII text. A share of the lines belong to <see cref="Community"/>, and its comments
/// answer its own submissions. Compressed as Pushshift does (zstd, 2 GiB window, long-distance matching).
/// </summary>
internal sealed class SyntheticDump
{
    public const string Community = "PhotoshopRequest";
    private const long FirstCreated = 1_517_443_200;
    private static readonly string[] LinkDomains = ["youtube.com", "imgur.com", "i.imgur.com", "twitter.com", "nytimes.com", "theguardian.com", "gfycat.com", "v.redd.it", "bbc.co.uk", "github.com", "washingtonpost.com", "streamable.com"];
    private static readonly int[] Widths = [108, 216, 320, 640, 960, 1080];
    private static readonly string[] Accents = ["\u00e9", "\u00d7", "\u00df", "\u0394", "\u2019", "\u201c", "\ud83d\ude02", "\ud83d\udd25", "\u00fc", "\u2014"];

    private readonly Random _random;
    private readonly Vocabulary _words;
    private readonly double _share;
    private readonly string[] _communities;
    private readonly Dictionary<string, string> _communityIds = [];
    private readonly List<string> _wantedThreads = [];
    private readonly JsonLine _line = new();

    private SyntheticDump(int seed, double share)
    {
        _random = new Random(seed);
        _words = new Vocabulary(_random);
        _share = share;
        _communities = Enumerable.Range(0, 3000).Select(_ => _words.Sentence(6).Split(' ')[0] + _words.Base36Id(2)).ToArray();
    }

    /// <summary>The two files, how many bytes they hold decompressed and on disk, and how many lines are the community's.</summary>
    public sealed record Files(string Submissions, string Comments, long Bytes, long Compressed, long Lines, long Wanted);

    /// <param name="bytes">Decompressed size of both files together.</param>
    /// <param name="share">Share of lines of <see cref="Community"/>.</param>
    public static Files Write(string folder, long bytes, double share)
    {
        var dump = new SyntheticDump(18, share);
        var submissions = Path.Combine(folder, "RS_synthetic.zst");
        var comments = Path.Combine(folder, "RC_synthetic.zst");
        var (rsBytes, rsLines, rsWanted) = dump.WriteFile(submissions, bytes / 2, dump.Submission);
        var (rcBytes, rcLines, rcWanted) = dump.WriteFile(comments, bytes - rsBytes, dump.Comment);
        return new Files(submissions, comments, rsBytes + rcBytes, new FileInfo(submissions).Length + new FileInfo(comments).Length, rsLines + rcLines, rsWanted + rcWanted);
    }

    private (long Bytes, long Lines, long Wanted) WriteFile(string path, long bytes, Func<long, bool, string> line)
    {
        using var file = File.Create(path);
        using var zstd = new CompressionStream(file, level: 3, bufferSize: 1 << 20);
        zstd.SetParameter(ZSTD_cParameter.ZSTD_c_windowLog, 31);
        zstd.SetParameter(ZSTD_cParameter.ZSTD_c_enableLongDistanceMatching, 1);
        var buffer = new byte[1 << 16];
        long written = 0, lines = 0, wanted = 0;
        while (written < bytes)
        {
            var ours = _random.NextDouble() < _share;
            var text = line(lines, ours);
            var length = Encoding.UTF8.GetBytes(text, buffer);
            buffer[length++] = (byte)'\n';
            zstd.Write(buffer, 0, length);
            written += length;
            lines++;
            wanted += ours ? 1 : 0;
        }
        return (written, lines, wanted);
    }

    private string Submission(long index, bool ours)
    {
        var id = "7u" + index.ToString("x6", CultureInfo.InvariantCulture);
        var community = ours ? Community : _communities[_words.Skewed(_communities.Length)];
        var kind = ours ? 0 : _random.Next(20) switch { < 8 => 0, < 13 => 1, _ => 2 };
        var domain = kind switch { 0 => "i.redd.it", 1 => LinkDomains[_random.Next(LinkDomains.Length)], _ => "self." + community };
        var title = Title();
        var slug = string.Join('_', title.Split(' ').Take(6)).ToLowerInvariant();
        var url = kind switch
        {
            0 => $"https://i.redd.it/{_words.Base36Id(13)}.jpg",
            1 => $"https://{domain}/{slug}/{_words.Base36Id(10)}",
            _ => $"https://www.reddit.com/r/{community}/comments/{id}/{slug}/",
        };
        var preview = kind == 0 || (kind == 1 && _random.Next(5) < 3) ? Preview() : null;
        var created = FirstCreated + (index / 20);
        if (ours)
        {
            _wantedThreads.Add(id);
        }
        var line = _line.Begin()
            .Bool("archived", false).Str("author", _words.User()).Str("author_flair_css_class", null)
            .Str("author_flair_text", _random.Next(10) == 0 ? _words.Sentence(12) : null).Bool("brand_safe", _random.Next(4) > 0)
            .Bool("contest_mode", false).Num("created_utc", created).Null("distinguished").Str("domain", domain).Bool("edited", false)
            .Num("gilded", 0).Bool("hidden", false).Bool("hide_score", false).Str("id", id).Bool("is_crosspostable", _random.Next(2) == 0)
            .Bool("is_reddit_media_domain", kind == 0).Bool("is_self", kind == 2).Bool("is_video", false)
            .Str("link_flair_css_class", ours ? "paid" : null).Str("link_flair_text", ours ? (_random.Next(3) == 0 ? "Paid" : "Free") : null)
            .Bool("locked", false).Null("media").Raw("media_embed", "{}").Bool("no_follow", _random.Next(3) > 0)
            .Num("num_comments", _words.Skewed(300)).Num("num_crossposts", 0).Bool("over_18", _random.Next(40) == 0)
            .Str("parent_whitelist_status", "all_ads").Str("permalink", $"/r/{community}/comments/{id}/{slug}/").Bool("pinned", false);
        if (preview is not null)
        {
            line.Str("post_hint", kind == 0 ? "image" : "link").Raw("preview", preview);
        }
        return line.Num("retrieved_on", created + 2_600_000 + _random.Next(100_000)).Num("score", _words.Skewed(5000))
            .Null("secure_media").Raw("secure_media_embed", "{}").Str("selftext", SelfText(kind, ours)).Bool("send_replies", true)
            .Bool("spoiler", false).Bool("stickied", false).Str("subreddit", community).Str("subreddit_id", "t5_" + CommunityId(community))
            .Str("subreddit_type", "public").Null("suggested_sort")
            .Str("thumbnail", preview is null ? (kind == 2 ? "self" : "default") : $"https://b.thumbs.redditmedia.com/{_words.ImageId()}.jpg")
            .Num("thumbnail_height", 140).Num("thumbnail_width", 140).Str("title", title).Str("url", url).Str("whitelist_status", "all_ads")
            .End();
    }

    private string Comment(long index, bool ours)
    {
        var community = ours ? Community : _communities[_words.Skewed(_communities.Length)];
        var thread = ours && _wantedThreads.Count > 0 ? _wantedThreads[_random.Next(_wantedThreads.Count)] : _words.Base36Id(6);
        var id = "e6" + index.ToString("x5", CultureInfo.InvariantCulture);
        var body = _words.Sentence(20 + _words.Skewed(2600));
        if (ours)
        {
            body += $" https://i.imgur.com/{_words.ImageId()[..7]}.jpg";
        }
        return _line.Begin()
            .Bool("archived", false).Str("author", _words.User()).Num("author_created_utc", 1_300_000_000 + _random.Next(230_000_000))
            .Null("author_flair_background_color").Null("author_flair_css_class").Raw("author_flair_richtext", "[]").Null("author_flair_template_id")
            .Null("author_flair_text").Null("author_flair_text_color").Str("author_flair_type", "text").Str("author_fullname", "t2_" + _words.Base36Id(8))
            .Bool("author_patreon_flair", false).Str("body", body).Bool("can_gild", true).Bool("can_mod_post", false).Bool("collapsed", false)
            .Null("collapsed_reason").Num("controversiality", _random.Next(20) == 0 ? 1 : 0).Num("created_utc", FirstCreated + (index / 40))
            .Null("distinguished").Bool("edited", false).Num("gilded", 0).Raw("gildings", "{\"gid_1\":0,\"gid_2\":0,\"gid_3\":0}").Str("id", id)
            .Bool("is_submitter", _random.Next(8) == 0).Str("link_id", "t3_" + thread).Bool("no_follow", true)
            .Str("parent_id", _random.Next(3) == 0 ? "t3_" + thread : "t1_" + _words.Base36Id(7))
            .Str("permalink", $"/r/{community}/comments/{thread}/{_words.Sentence(18).Split(' ')[0].ToLowerInvariant()}/{id}/").Null("removal_reason")
            .Num("retrieved_on", FirstCreated + 1_600_000 + (index / 40)).Num("score", _words.Skewed(2000) - 5).Bool("send_replies", true)
            .Bool("stickied", false).Str("subreddit", community).Str("subreddit_id", "t5_" + CommunityId(community))
            .Str("subreddit_name_prefixed", "r/" + community).Str("subreddit_type", "public")
            .End();
    }

    private string Title()
    {
        var title = _words.Sentence(15 + _words.Skewed(200));
        return _random.Next(5) == 0 ? title.Insert(_random.Next(title.Length), Accents[_random.Next(Accents.Length)]) : title;
    }

    private string SelfText(int kind, bool ours) => ours
        ? $"{_words.Sentence(40 + _random.Next(300))} Original: https://i.imgur.com/{_words.ImageId()[..7]}.jpg"
        : kind == 2 && _random.Next(4) > 0 ? _words.Sentence(10 + _words.Skewed(10_000)) : "";

    /// <summary>Reddit's <c>preview</c>: one image with its six resized copies and the source, each URL signed.</summary>
    private string Preview()
    {
        var image = _words.ImageId();
        var (width, height) = (640 + _random.Next(3000), 480 + _random.Next(3000));
        var resolutions = Widths.Where(w => w < width).Select(w => Size(w * height / width, w,
            $"https://i.redditmedia.com/{image}.jpg?fit=crop&amp;crop=faces%2Centropy&amp;arh=2&amp;w={w}&amp;fm=jpg&amp;s={_words.Signature()}"));
        return $"{{\"enabled\":true,\"images\":[{{\"id\":\"{_words.ImageId()}\",\"resolutions\":[{string.Join(',', resolutions)}],"
            + $"\"source\":{Size(height, width, $"https://i.redditmedia.com/{image}.jpg?fm=jpg&amp;s={_words.Signature()}")},\"variants\":{{}}}}]}}";
    }

    private static string Size(int height, int width, string url) =>
        string.Create(CultureInfo.InvariantCulture, $"{{\"height\":{height},\"url\":{JsonLine.Quote(url)},\"width\":{width}}}");

    private string CommunityId(string community) =>
        _communityIds.TryGetValue(community, out var id) ? id : _communityIds[community] = _words.Base36Id(5);
}
