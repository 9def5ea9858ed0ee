using System.Text.Json.Nodes;
using NetVips;

namespace Crawler.Worker.Demo;

/// <summary>
/// Generates the demo site. Every eighth thread repeats a pattern of real edits and of cases the pipeline
/// must reject: a no-op re-upload, the requester's own attempt, the same edit posted twice, a broken
/// image, an unrelated meme, and a repost of an earlier request.
/// </summary>
internal sealed class SampleSiteBuilder
{
    private const long FirstPost = 1_735_693_200; // 2025-01-01 01:00 UTC
    private const string Bot = "psr-bot";
    private static readonly string[] Editors = ["pixel_wizard", "layer_mask_larry", "cloneStampCarla", "heal_brush_hank", "gimp_guru_99", "dodge_and_burn"];

    private readonly Dictionary<string, byte[]> _images = [];
    private readonly List<SampleThread> _threads = [];
    private readonly Dictionary<int, Scene> _originals = [];

    public static SampleSite Build(int threadCount, int seed = 2025)
    {
        var builder = new SampleSiteBuilder();
        var random = new Random(seed);
        for (var i = 0; i < threadCount; i++)
        {
            builder.AddThread(i, random);
        }
        return new SampleSite(builder._threads, builder._images);
    }

    private void AddThread(int index, Random random)
    {
        var id = $"dm{index:D3}";
        var kind = index % 8;
        var created = FirstPost + (index * 5400L);
        var scene = SampleScenes.Create(random, index);
        _originals[index] = scene;
        var request = SampleRequest.For(index, scene, variant: index / 4);
        var requester = $"requester_{index:D3}";
        var editorA = Editors[index % Editors.Length];
        var editorB = Editors[(index + 3) % Editors.Length];
        var edited = request.Edit(scene);

        var original = kind == 7 ? Repost(index) : Store($"{id}-original.jpg", SceneRenderer.Jpeg(scene));
        var thread = new ThreadDraft(id, created);
        var postUrl = Url(original);
        JsonObject? gallery = null;
        if (kind == 1)
        {
            // A gallery post: the image lives in media_metadata, ordered by gallery_data.
            var mediaId = $"{id}g1";
            gallery = new JsonObject
            {
                ["is_gallery"] = true,
                ["gallery_data"] = new JsonObject { ["items"] = new JsonArray(new JsonObject { ["media_id"] = mediaId, ["id"] = 1 }) },
                ["media_metadata"] = new JsonObject { [mediaId] = RedditJsonWriter.MediaEntry(postUrl, scene.Width, scene.Height) },
            };
            postUrl = $"{SampleSite.BaseUrl}gallery/{id}";
        }
        var post = RedditJsonWriter.Post(id, request.Title, request.Body, requester, created, kind == 0 ? "Solved" : "Free", postUrl, gallery);

        thread.Add(Bot, 1, "Thank you for your request! Remember to tip editors whose work you use.", stickied: true);
        var editA = Url(Store($"{id}-edit-a.jpg", SceneRenderer.Jpeg(edited)));
        var first = kind == 1
            // Today's usual way: the image embedded in the comment, the body only naming its media id.
            ? thread.Add(editorA, 13, $"![img]({id}m1)\n\nHere you go, done!",
                media: new JsonObject { [$"{id}m1"] = RedditJsonWriter.MediaEntry(editA, scene.Width, scene.Height) })
            : thread.Add(editorA, 14 - kind, $"Here you go: {editA}");
        switch (kind)
        {
            case 0:
                thread.Add(requester, 3, "Perfect, thank you so much! Paid.", parent: first);
                thread.Add(editorB, 4, $"Removed it and brightened it a little [result]({Url(Store($"{id}-edit-b.jpg", Brightened(edited)))})");
                thread.Add(requester, 2, "To be clear, I only want that one change.");
                thread.Add("[deleted]", 1, "[deleted]");
                break;
            case 2:
                thread.Add(editorB, 1, $"Did my best {Url(Store($"{id}-noop.jpg", SceneRenderer.Jpeg(scene, quality: 75)))}");
                break;
            case 3:
                thread.Add(requester, 1, $"I tried myself but it looks bad: {Url(Store($"{id}-own.jpg", SceneRenderer.Jpeg(edited, quality: 60)))}");
                break;
            case 4:
                thread.Add(editorB, 2, $"Same here {Url(Store($"{id}-copy.jpg", SceneRenderer.Jpeg(edited, quality: 80)))}");
                break;
            case 5:
                var whole = SceneRenderer.Jpeg(edited);
                thread.Add(editorB, 2, $"Fixed: {Url(Store($"{id}-broken.jpg", whole[..(whole.Length * 2 / 5)]))}");
                break;
            case 6:
                thread.Add(editorB, 9, $"lol {Url(Store($"{id}-meme.jpg", SceneRenderer.Jpeg(SampleScenes.Meme(index))))}");
                break;
        }
        _threads.Add(new SampleThread(id, created, post, thread.Comments));
    }

    /// <summary>The same photo as a request seven threads earlier, downsized and re-encoded, as reposts are.</summary>
    private string Repost(int index)
    {
        using var earlier = SceneRenderer.Render(_originals[index - 7]);
        using var smaller = earlier.Resize(0.9);
        return Store($"dm{index:D3}-original.jpg", smaller.JpegsaveBuffer(q: 85, keep: Enums.ForeignKeep.None));
    }

    private static byte[] Brightened(Scene scene)
    {
        using var image = SceneRenderer.Render(scene);
        using var brighter = image.Linear([1.15], [12]).Cast(Enums.BandFormat.Uchar);
        return brighter.JpegsaveBuffer(q: 90, keep: Enums.ForeignKeep.None);
    }

    private string Store(string name, byte[] bytes)
    {
        _images[name] = bytes;
        return name;
    }

    private static string Url(string name) => $"{SampleSite.BaseUrl}i/{name}";

    /// <summary>Collects a thread's comments with ids, parents and times in posting order.</summary>
    private sealed class ThreadDraft(string threadId, long created)
    {
        public List<JsonObject> Comments { get; } = [];

        public string Add(string author, int score, string body, string? parent = null, JsonObject? media = null, bool stickied = false)
        {
            var id = $"{threadId}c{Comments.Count + 1}";
            var deleted = author == "[deleted]";
            Comments.Add(RedditJsonWriter.Comment(id, threadId, parent is null ? "t3_" + threadId : "t1_" + parent,
                author, created + (600L * (Comments.Count + 1)), score, deleted ? "[deleted]" : body, media, stickied));
            return id;
        }
    }
}
