using System.Text.Json;
using System.Text.Json.Nodes;

namespace Crawler.Worker.Demo;

/// <summary>The demo's request site: a subreddit listing, comment pages and images, all held in memory.</summary>
internal sealed class SampleSite(IReadOnlyList<SampleThread> threads, IReadOnlyDictionary<string, byte[]> images)
{
    public const string Host = "sample.crawler.test";
    public const int PageSize = 10;

    public static Uri BaseUrl { get; } = new($"http://{Host}/");

    public IReadOnlyList<SampleThread> Threads => threads;

    public IReadOnlyDictionary<string, byte[]> Images => images;

    /// <summary>The newest-first listing after the thread named by <paramref name="after"/> (a t3 fullname).</summary>
    public byte[] Listing(string? after)
    {
        var ordered = threads.OrderByDescending(t => t.Created).ThenByDescending(t => t.Id, StringComparer.Ordinal).ToList();
        var start = after is null ? 0 : ordered.FindIndex(t => "t3_" + t.Id == after) + 1;
        var page = ordered.Skip(start).Take(PageSize).ToList();
        var next = start + PageSize < ordered.Count && page.Count > 0 ? "t3_" + page[^1].Id : null;
        return Serialize(RedditJsonWriter.Listing(page.Select(t => RedditJsonWriter.Thing("t3", (JsonObject)t.Post.DeepClone())), next));
    }

    /// <summary>The comments page of a thread: the post listing and the comment tree, or null for an unknown id.</summary>
    public byte[]? ThreadPage(string id)
    {
        var thread = threads.FirstOrDefault(t => t.Id == id);
        if (thread is null)
        {
            return null;
        }
        var post = RedditJsonWriter.Listing([RedditJsonWriter.Thing("t3", (JsonObject)thread.Post.DeepClone())], null);
        var tree = RedditJsonWriter.Tree(thread.Comments, thread.Id);
        var comments = new JsonObject
        {
            ["kind"] = "Listing",
            ["data"] = new JsonObject { ["after"] = null, ["before"] = null, ["children"] = tree },
        };
        return Serialize(new JsonArray(post, comments));
    }

    private static byte[] Serialize(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node);
}

/// <summary>One request thread of the demo site.</summary>
internal sealed record SampleThread(string Id, long Created, JsonObject Post, IReadOnlyList<JsonObject> Comments);
