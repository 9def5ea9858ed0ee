using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Crawler.Bench.Crawl;

/// <summary>
/// Writes a request community of N threads as the files Reddit's JSON API would serve for it: the
/// <c>/r/NAME/new.json</c> listing in pages of 100 (newest first, each page naming the next by <c>after</c>) and
/// one <c>/comments/ID.json</c> page per thread (the post and its comment tree). Posts and comments carry the
/// full set of fields the API returns (about 110 and 70), so a thread with the typical 60 comments weighs about
/// 100 KB; the number of comments, their nesting, lengths and images vary from thread to thread.
/// </summary>
internal static class RedditThreadSite
{
    public const string Community = "PhotoshopRequest";
    private const int ListingPageSize = 100;
    private const long Newest = 1_764_000_000;

    private static readonly string[] Words =
    [
        "please", "remove", "the", "man", "in", "background", "make", "sky", "blue", "brighter", "photo", "my", "grandma",
        "fix", "lighting", "could", "someone", "restore", "this", "old", "picture", "colour", "colourise", "wedding", "dog",
        "cat", "crop", "straighten", "sharpen", "blur", "face", "eyes", "closed", "open", "add", "hat", "swap", "heads",
        "thanks", "here", "you", "go", "tried", "my", "best", "with", "shadows", "edges", "sunset", "beach", "car", "sign",
        "text", "logo", "watermark", "stain", "scratch", "tear", "fold", "contrast", "saturation", "warmer", "cooler", "tip",
    ];

    /// <summary>Writes the site under <paramref name="root"/>; returns the total bytes of the thread pages.</summary>
    public static long Write(string root, int threads, int seed = 18)
    {
        var random = new Random(seed);
        Directory.CreateDirectory(Path.Combine(root, "comments"));
        Directory.CreateDirectory(Path.Combine(root, "listing"));
        var ids = Enumerable.Range(0, threads).Select(i => ThreadId(i)).ToArray();
        long bytes = 0;
        for (var page = 0; page * ListingPageSize < threads; page++)
        {
            var first = page * ListingPageSize;
            var count = Math.Min(ListingPageSize, threads - first);
            var after = first + count < threads ? "t3_" + ids[first + count - 1] : null;
            // The first page answers a request without `after`; the others the `after` that names them.
            var name = page == 0 ? "page_.json" : $"page_t3_{ids[first - 1]}.json";
            File.WriteAllBytes(Path.Combine(root, "listing", name), Listing(ids, first, count, after, random));
        }
        for (var i = 0; i < threads; i++)
        {
            var page = ThreadPage(ids[i], Created(i), random);
            File.WriteAllBytes(Path.Combine(root, "comments", ids[i] + ".json"), page);
            bytes += page.Length;
        }
        return bytes;
    }

    /// <summary>Thread <paramref name="i"/>'s id: base 36, as Reddit's, newest first.</summary>
    public static string ThreadId(int i)
    {
        var n = 1_900_000_000L - i;
        var chars = new Stack<char>();
        while (n > 0)
        {
            chars.Push("0123456789abcdefghijklmnopqrstuvwxyz"[(int)(n % 36)]);
            n /= 36;
        }
        return new string([.. chars]);
    }

    private static long Created(int i) => Newest - (i * 97L);

    private static byte[] Listing(string[] ids, int first, int count, string? after, Random random)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("kind", "Listing");
            json.WriteStartObject("data");
            json.WriteString("after", after);
            json.WriteNumber("dist", count);
            json.WriteNull("before");
            json.WriteStartArray("children");
            for (var i = first; i < first + count; i++)
            {
                json.WriteStartObject();
                json.WriteString("kind", "t3");
                json.WritePropertyName("data");
                WritePost(json, ids[i], Created(i), random.Next(0, 200), random);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static byte[] ThreadPage(string id, long created, Random random)
    {
        // Most threads get a few dozen answers, a few get hundreds: the skew of a real request board.
        var comments = (int)Math.Clamp(Math.Exp(random.NextGaussian(3.55, 0.6)), 3, 400);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            WriteListing(json, () =>
            {
                json.WriteStartObject();
                json.WriteString("kind", "t3");
                json.WritePropertyName("data");
                WritePost(json, id, created, comments, random);
                json.WriteEndObject();
            });
            var written = 0;
            WriteListing(json, () => WriteReplies(json, id, "t3_" + id, created, comments, ref written, depth: 0, random));
            json.WriteEndArray();
        }
        return buffer.ToArray();
    }

    private static void WriteListing(Utf8JsonWriter json, Action children)
    {
        json.WriteStartObject();
        json.WriteString("kind", "Listing");
        json.WriteStartObject("data");
        json.WriteNull("after");
        json.WriteNull("before");
        json.WriteStartArray("children");
        children();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Writes up to <paramref name="total"/> comments as a tree: top-level answers, each with a few nested replies.</summary>
    private static void WriteReplies(Utf8JsonWriter json, string threadId, string parent, long created, int total, ref int written, int depth, Random random)
    {
        var here = depth == 0 ? total : random.Next(0, 4);
        for (var n = 0; n < here && written < total; n++)
        {
            written++;
            var id = threadId + written.ToString("x", CultureInfo.InvariantCulture);
            json.WriteStartObject();
            json.WriteString("kind", "t1");
            json.WriteStartObject("data");
            WriteCommentFields(json, threadId, id, parent, created + (written * 61), depth, random);
            if (depth < 5 && random.Next(3) == 0)
            {
                var inner = written;
                WriteListingProperty(json, "replies", () => WriteReplies(json, threadId, "t1_" + id, created, total, ref inner, depth + 1, random));
                written = inner;
            }
            else
            {
                json.WriteString("replies", "");
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
    }

    private static void WriteListingProperty(Utf8JsonWriter json, string name, Action children)
    {
        json.WritePropertyName(name);
        WriteListing(json, children);
    }

    private static void WritePost(Utf8JsonWriter json, string id, long created, int comments, Random random)
    {
        var author = Author(random);
        var title = Capitalised(Sentence(random, 6, 16));
        var selftext = Paragraphs(random, 1, 3);
        var image = $"https://i.redd.it/{Token(random, 13)}.jpg";
        var permalink = $"/r/{Community}/comments/{id}/{Slug(title)}/";
        json.WriteStartObject();
        WriteCommonFields(json, id, "t3_" + id, author, created, random);
        json.WriteString("title", title);
        json.WriteString("selftext", selftext);
        json.WriteString("selftext_html", Html(selftext));
        json.WriteString("url", image);
        json.WriteString("url_overridden_by_dest", image);
        json.WriteString("domain", "i.redd.it");
        json.WriteString("post_hint", "image");
        json.WriteString("permalink", permalink);
        json.WriteString("link_flair_text", random.Next(4) == 0 ? "Paid" : "Free");
        json.WriteString("link_flair_type", "text");
        json.WriteString("link_flair_css_class", "free");
        json.WriteString("link_flair_template_id", Guid(random));
        json.WriteString("link_flair_text_color", "dark");
        json.WriteString("link_flair_background_color", "#46d160");
        json.WriteStartArray("link_flair_richtext");
        json.WriteEndArray();
        json.WriteNumber("num_comments", comments);
        json.WriteNumber("num_crossposts", 0);
        json.WriteNumber("upvote_ratio", Math.Round(0.5 + (random.NextDouble() / 2), 2));
        json.WriteNumber("subreddit_subscribers", 1_523_408);
        json.WriteBoolean("over_18", random.Next(60) == 0);
        foreach (var name in (string[])["is_self", "is_video", "spoiler", "hidden", "clicked", "visited", "pinned", "media_only", "contest_mode", "is_meta", "is_original_content", "quarantine", "hide_score", "allow_live_comments", "is_created_from_ads_ui"])
        {
            json.WriteBoolean(name, false);
        }
        foreach (var name in (string[])["is_reddit_media_domain", "is_crosspostable", "is_robot_indexable", "can_mod_post"])
        {
            json.WriteBoolean(name, true);
        }
        foreach (var name in (string[])["media", "secure_media", "category", "discussion_type", "suggested_sort", "view_count", "removed_by", "removed_by_category", "content_categories", "thumbnail_height", "treatment_tags"])
        {
            json.WriteNull(name);
        }
        json.WriteString("thumbnail", $"https://b.thumbs.redditmedia.com/{Token(random, 43)}.jpg");
        json.WriteNumber("thumbnail_width", 140);
        json.WriteString("whitelist_status", "all_ads");
        json.WriteString("parent_whitelist_status", "all_ads");
        json.WriteNumber("wls", 6);
        json.WriteNumber("pwls", 6);
        json.WriteStartObject("media_embed");
        json.WriteEndObject();
        json.WriteStartObject("secure_media_embed");
        json.WriteEndObject();
        WritePreview(json, image, random);
        json.WriteEndObject();
    }

    private static void WritePreview(Utf8JsonWriter json, string image, Random random)
    {
        var width = random.Next(800, 4000);
        var height = random.Next(600, 4000);
        var key = Token(random, 43);
        json.WriteStartObject("preview");
        json.WriteStartArray("images");
        json.WriteStartObject();
        json.WriteStartObject("source");
        json.WriteString("url", $"https://preview.redd.it/{Path.GetFileName(image)}?auto=webp&s={key}");
        json.WriteNumber("width", width);
        json.WriteNumber("height", height);
        json.WriteEndObject();
        json.WriteStartArray("resolutions");
        foreach (var w in (int[])[108, 216, 320, 640, 960, 1080])
        {
            json.WriteStartObject();
            json.WriteString("url", $"https://preview.redd.it/{Path.GetFileName(image)}?width={w}&crop=smart&auto=webp&s={Token(random, 40)}");
            json.WriteNumber("width", w);
            json.WriteNumber("height", height * w / width);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("variants");
        json.WriteEndObject();
        json.WriteString("id", Token(random, 43));
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteBoolean("enabled", true);
        json.WriteEndObject();
    }

    private static void WriteCommentFields(Utf8JsonWriter json, string threadId, string id, string parent, long created, int depth, Random random)
    {
        WriteCommonFields(json, id, "t1_" + id, Author(random), created, random);
        // About a third of the top-level answers are edits, as in a busy request thread.
        var edit = depth == 0 && random.Next(3) == 0;
        string body;
        if (edit)
        {
            var media = Token(random, 13);
            body = $"https://preview.redd.it/{media}.jpeg?width={random.Next(600, 2000)}&format=pjpg&auto=webp&s={Token(random, 40)}\n\n{Capitalised(Sentence(random, 2, 14))}";
            json.WriteStartObject("media_metadata");
            json.WriteStartObject(media);
            json.WriteString("status", "valid");
            json.WriteString("e", "Image");
            json.WriteString("m", "image/jpeg");
            json.WriteStartObject("s");
            json.WriteString("u", $"https://preview.redd.it/{media}.jpeg?width=2048&format=pjpg&auto=webp&s={Token(random, 40)}");
            json.WriteNumber("x", 2048);
            json.WriteNumber("y", random.Next(1200, 2800));
            json.WriteEndObject();
            json.WriteString("id", media);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        else
        {
            body = Paragraphs(random, 1, 2);
        }
        json.WriteString("body", body);
        json.WriteString("body_html", Html(body));
        json.WriteString("link_id", "t3_" + threadId);
        json.WriteString("parent_id", parent);
        json.WriteString("permalink", $"/r/{Community}/comments/{threadId}/comment/{id}/");
        json.WriteNumber("depth", depth);
        json.WriteNumber("controversiality", 0);
        foreach (var name in (string[])["is_submitter", "collapsed", "score_hidden", "stickied"])
        {
            json.WriteBoolean(name, false);
        }
        foreach (var name in (string[])["comment_type", "collapsed_reason", "collapsed_reason_code", "collapsed_because_crowd_control", "associated_award", "unrepliable_reason"])
        {
            json.WriteNull(name);
        }
    }

    /// <summary>The fields posts and comments share.</summary>
    private static void WriteCommonFields(Utf8JsonWriter json, string id, string fullname, string author, long created, Random random)
    {
        var score = (int)Math.Exp(random.NextDouble() * 6);
        json.WriteString("id", id);
        json.WriteString("name", fullname);
        json.WriteString("subreddit", Community);
        json.WriteString("subreddit_id", "t5_2tb4i");
        json.WriteString("subreddit_name_prefixed", "r/" + Community);
        json.WriteString("subreddit_type", "public");
        json.WriteString("author", author);
        json.WriteString("author_fullname", "t2_" + Token(random, 8));
        json.WriteString("author_flair_type", "text");
        json.WriteStartArray("author_flair_richtext");
        json.WriteEndArray();
        json.WriteNumber("created_utc", (double)created);
        json.WriteNumber("created", (double)created);
        json.WriteNumber("score", score);
        json.WriteNumber("ups", score);
        json.WriteNumber("downs", 0);
        json.WriteNumber("gilded", 0);
        json.WriteNumber("total_awards_received", 0);
        json.WriteBoolean("edited", false);
        foreach (var name in (string[])["archived", "locked", "saved", "author_is_blocked", "author_premium", "author_patreon_flair", "no_follow"])
        {
            json.WriteBoolean(name, false);
        }
        foreach (var name in (string[])["send_replies", "can_gild"])
        {
            json.WriteBoolean(name, true);
        }
        foreach (var name in (string[])["approved_at_utc", "approved_by", "banned_at_utc", "banned_by", "likes", "mod_note", "mod_reason_by", "mod_reason_title", "removal_reason", "distinguished", "report_reasons", "num_reports", "top_awarded_type", "author_flair_text", "author_flair_css_class", "author_flair_template_id", "author_flair_text_color", "author_flair_background_color"])
        {
            json.WriteNull(name);
        }
        foreach (var name in (string[])["all_awardings", "awarders", "user_reports", "mod_reports"])
        {
            json.WriteStartArray(name);
            json.WriteEndArray();
        }
        json.WriteStartObject("gildings");
        json.WriteEndObject();
    }

    private static string Author(Random random) => $"{Capitalised(Words[random.Next(Words.Length)])}_{Capitalised(Words[random.Next(Words.Length)])}_{random.Next(10_000)}";

    private static string Sentence(Random random, int min, int max) =>
        string.Join(' ', Enumerable.Range(0, random.Next(min, max)).Select(_ => Words[random.Next(Words.Length)]));

    private static string Paragraphs(Random random, int min, int max) =>
        string.Join("\n\n", Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => Capitalised(Sentence(random, 8, 60)) + "."));

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Html(string markdown) =>
        "<!-- SC_OFF --><div class=\"md\">" + string.Concat(markdown.Split("\n\n").Select(p => $"<p>{System.Net.WebUtility.HtmlEncode(p)}</p>\n")) + "</div><!-- SC_ON -->";

    private static string Slug(string title)
    {
        var slug = new string(title.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
        return slug.Length > 50 ? slug[..50] : slug;
    }

    private static string Token(Random random, int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[random.Next(62)]);
        }
        return text.ToString();
    }

    private static string Guid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new System.Guid(bytes).ToString();
    }

    private static double NextGaussian(this Random random, double mean, double deviation) =>
        mean + (deviation * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
}
