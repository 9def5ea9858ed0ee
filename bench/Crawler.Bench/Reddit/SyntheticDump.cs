using System.Globalization;
using System.Text;
using System.Text.Json;
using ZstdSharp;
using ZstdSharp.Unsafe;

namespace Crawler.Bench.Reddit;

/// <summary>
/// Writes a Pushshift-style submissions dump: one submission object per line with sorted keys (the shape of
/// Pushshift's RS files), a tenth of them in r/PhotoshopRequest, compressed as Pushshift does (zstd, 2 GiB window).
/// </summary>
internal static class SyntheticDump
{
    public const string Community = "PhotoshopRequest";
    private static readonly string[] Others = ["pics", "AskReddit", "funny", "gaming", "aww", "mildlyinfuriating", "estoration", "memes", "news"];

    public static void Write(string path, int lines)
    {
        using var file = File.Create(path);
        using var zstd = new CompressionStream(file, level: 3);
        zstd.SetParameter(ZSTD_cParameter.ZSTD_c_windowLog, 31);
        zstd.SetParameter(ZSTD_cParameter.ZSTD_c_enableLongDistanceMatching, 1);
        var random = new Random(3);
        for (var i = 0; i < lines; i++)
        {
            var community = i % 10 == 0 ? Community : Others[random.Next(Others.Length)];
            zstd.Write(Encoding.UTF8.GetBytes(Line(i, community, random)));
            zstd.WriteByte((byte)'\n');
        }
    }

    private static string Line(int i, string community, Random random)
    {
        var id = "7u" + i.ToString("x6", CultureInfo.InvariantCulture);
        var created = 1517443200 + (i / 20);
        var image = random.Next(3) == 0;
        var url = image ? $"https://i.redd.it/{id}{random.Next():x8}.jpg" : $"https://www.reddit.com/r/{community}/comments/{id}/post_{i}/";
        var fields = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["archived"] = false, ["author"] = $"user_{random.Next(100_000)}", ["author_flair_css_class"] = null, ["author_flair_text"] = null,
            ["brand_safe"] = true, ["contest_mode"] = false, ["created_utc"] = created, ["distinguished"] = null,
            ["domain"] = image ? "i.redd.it" : "self." + community, ["edited"] = false, ["gilded"] = 0, ["hidden"] = false, ["hide_score"] = false,
            ["id"] = id, ["is_crosspostable"] = true, ["is_reddit_media_domain"] = image, ["is_self"] = !image, ["is_video"] = false,
            ["link_flair_css_class"] = null, ["link_flair_text"] = random.Next(4) == 0 ? "Paid" : null, ["locked"] = false, ["media"] = null,
            ["media_embed"] = new Dictionary<string, object>(), ["no_follow"] = true, ["num_comments"] = random.Next(40), ["num_crossposts"] = 0,
            ["over_18"] = random.Next(50) == 0, ["parent_whitelist_status"] = "all_ads", ["permalink"] = $"/r/{community}/comments/{id}/post_{i}/",
            ["pinned"] = false, ["retrieved_on"] = created + 2_600_000, ["score"] = random.Next(500), ["secure_media"] = null,
            ["secure_media_embed"] = new Dictionary<string, object>(),
            ["selftext"] = image ? "" : $"Could someone please fix the lighting in this one? Details: https://i.imgur.com/{id}.jpg thanks in advance, {new string('x', random.Next(400))}",
            ["send_replies"] = true, ["spoiler"] = false, ["stickied"] = false, ["subreddit"] = community, ["subreddit_id"] = "t5_2tb4i",
            ["subreddit_type"] = "public", ["suggested_sort"] = null, ["thumbnail"] = "default", ["thumbnail_height"] = 140, ["thumbnail_width"] = 140,
            ["title"] = $"Request number {i}: remove the background & fix colours", ["url"] = url, ["whitelist_status"] = "all_ads",
        };
        return JsonSerializer.Serialize(fields);
    }
}
