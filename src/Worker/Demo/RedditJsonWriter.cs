using System.Text.Json.Nodes;

namespace Crawler.Worker.Demo;

/// <summary>Builds the demo site's pages in Reddit's JSON API shapes (t3 posts, t1 comments, Listings).</summary>
internal static class RedditJsonWriter
{
    public const string Community = "PhotoshopRequest";

    public static JsonObject Post(string id, string title, string body, string author, long created, string flair, string url, JsonObject? gallery = null)
    {
        var post = new JsonObject
        {
            ["id"] = id,
            ["name"] = "t3_" + id,
            ["subreddit"] = Community,
            ["title"] = title,
            ["selftext"] = body,
            ["author"] = author,
            ["created_utc"] = (double)created,
            ["link_flair_text"] = flair,
            ["over_18"] = false,
            ["url"] = url,
            ["permalink"] = $"/r/{Community}/comments/{id}/{Slug(title)}/",
            ["post_hint"] = gallery is null ? "image" : null,
        };
        if (gallery is not null)
        {
            foreach (var (key, value) in gallery)
            {
                post[key] = value?.DeepClone();
            }
        }
        return post;
    }

    public static JsonObject Comment(string id, string threadId, string parentFullname, string author, long created, int score, string body, JsonObject? mediaMetadata = null, bool stickied = false)
    {
        var comment = new JsonObject
        {
            ["id"] = id,
            ["name"] = "t1_" + id,
            ["link_id"] = "t3_" + threadId,
            ["parent_id"] = parentFullname,
            ["author"] = author,
            ["created_utc"] = (double)created,
            ["score"] = score,
            ["body"] = body,
            ["stickied"] = stickied,
            ["replies"] = "",
        };
        if (mediaMetadata is not null)
        {
            comment["media_metadata"] = mediaMetadata;
        }
        return comment;
    }

    /// <summary>An image embedded in a comment or gallery: a media_metadata entry pointing at its full-size source.</summary>
    public static JsonObject MediaEntry(string url, int width, int height) => new()
    {
        ["status"] = "valid",
        ["e"] = "Image",
        ["m"] = "image/jpeg",
        ["s"] = new JsonObject { ["u"] = url, ["x"] = width, ["y"] = height },
    };

    public static JsonObject Thing(string kind, JsonObject data) => new() { ["kind"] = kind, ["data"] = data };

    public static JsonObject Listing(IEnumerable<JsonObject> children, string? after) => new()
    {
        ["kind"] = "Listing",
        ["data"] = new JsonObject
        {
            ["after"] = after,
            ["before"] = null,
            ["children"] = new JsonArray(children.Select(c => (JsonNode)c).ToArray()),
        },
    };

    /// <summary>Nests comments by parent id the way the comments endpoint returns them.</summary>
    public static JsonArray Tree(IReadOnlyList<JsonObject> comments, string threadId)
    {
        JsonObject Node(JsonObject comment)
        {
            var node = (JsonObject)comment.DeepClone();
            var children = comments.Where(c => (string?)c["parent_id"] == "t1_" + (string?)comment["id"]).Select(c => Thing("t1", Node(c))).ToList();
            node["replies"] = children.Count == 0 ? "" : Listing(children, null);
            return node;
        }
        return new JsonArray(comments.Where(c => (string?)c["parent_id"] == "t3_" + threadId).Select(c => (JsonNode)Thing("t1", Node(c))).ToArray());
    }

    private static string Slug(string title)
    {
        var slug = new string(title.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray()).Trim('_');
        return slug.Length > 40 ? slug[..40] : slug;
    }
}
