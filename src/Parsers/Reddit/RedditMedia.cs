using System.Text.Json;
using Crawler.Parsers.Text;

namespace Crawler.Parsers.Reddit;

/// <summary>Where Reddit keeps the images of posts and comments, in the order the author gave them.</summary>
internal static class RedditMedia
{
    /// <summary>A post's images: gallery order, else the linked image, else links in the text, else the preview.</summary>
    public static IReadOnlyList<string> PostImages(JsonElement post, Uri? baseUrl)
    {
        var gallery = GalleryImages(post);
        if (gallery.Count > 0)
        {
            return gallery;
        }
        var images = new List<string>();
        if (post.Str("url") is { } url && Uri.TryCreate(baseUrl, url, out var uri) && ImageLinks.IsImage(uri))
        {
            images.Add(uri.AbsoluteUri);
        }
        AddDistinct(images, ImageLinks.FindImages(post.Str("selftext") ?? "", baseUrl));
        AddDistinct(images, MetadataImages(post, images));
        if (images.Count == 0 && PreviewSource(post) is { } preview)
        {
            images.Add(preview);
        }
        return images;
    }

    /// <summary>A comment's images: links in its body, with embedded media (media_metadata) at its largest size.</summary>
    public static IReadOnlyList<string> CommentImages(JsonElement comment, Uri? baseUrl)
    {
        var metadata = comment.Prop("media_metadata");
        var images = new List<string>();
        foreach (var link in ImageLinks.FindUrls(comment.Str("body") ?? "", baseUrl))
        {
            // An embedded image appears in the body as a downsized preview.redd.it link; the metadata has its source.
            var largest = metadata is { } m && MediaIdOf(link) is { } id && m.Prop(id) is { } entry
                ? LargestSource(entry)
                : null;
            if (largest is not null || ImageLinks.IsImage(link))
            {
                AddDistinct(images, [largest ?? link.AbsoluteUri]);
            }
        }
        AddDistinct(images, MetadataImages(comment, images));
        return images;
    }

    private static List<string> GalleryImages(JsonElement post)
    {
        if (post.Prop("gallery_data") is not { } gallery || post.Prop("media_metadata") is not { } metadata)
        {
            return [];
        }
        return gallery.Items("items")
            .Where(item => !item.Bool("is_deleted"))
            .Select(item => item.Str("media_id") is { } id && metadata.Prop(id) is { } entry ? LargestSource(entry) : null)
            .OfType<string>()
            .ToList();
    }

    /// <summary>Embedded media that the text did not link, in the metadata's own order.</summary>
    private static IEnumerable<string> MetadataImages(JsonElement thing, IReadOnlyCollection<string> already)
    {
        if (thing.Prop("media_metadata") is not { ValueKind: JsonValueKind.Object } metadata)
        {
            return [];
        }
        return metadata.EnumerateObject()
            .Select(p => LargestSource(p.Value))
            .OfType<string>()
            .Where(u => !already.Any(a => SameMedia(a, u)));
    }

    /// <summary>The full-size URL of a media_metadata entry: <c>s.u</c> for images, the GIF for animations.</summary>
    private static string? LargestSource(JsonElement entry)
    {
        if (entry.Str("status") is { } status && status != "valid")
        {
            return null;
        }
        var source = entry.Prop("s");
        return entry.Str("e") switch
        {
            "Image" => source?.Str("u"),
            "AnimatedImage" => source?.Str("gif") ?? source?.Str("u"),
            _ => null,
        };
    }

    private static string? PreviewSource(JsonElement post) =>
        post.Prop("preview") is { } preview
            ? preview.Items("images").Select(i => i.Prop("source")?.Str("url")).FirstOrDefault(u => u is not null)
            : null;

    /// <summary>
    /// <c>https://preview.redd.it/f1xjmxgj3d5h1.jpeg?width=...</c> names media id <c>f1xjmxgj3d5h1</c>; new
    /// Reddit prefixes a slug of the title (<c>some-title-v0-f1xjmxgj3d5h1.png</c>), which is not part of the id.
    /// </summary>
    internal static string? MediaIdOf(Uri link)
    {
        if (link.Host is not ("preview.redd.it" or "i.redd.it"))
        {
            return null;
        }
        var name = Path.GetFileNameWithoutExtension(link.AbsolutePath);
        var slugEnd = name.LastIndexOf("-v0-", StringComparison.Ordinal);
        return slugEnd >= 0 ? name[(slugEnd + 4)..] : name;
    }

    /// <summary>Two URLs of one image: equal, or two renditions of one Reddit media id.</summary>
    internal static bool SameMedia(string a, string b) =>
        Uri.TryCreate(a, UriKind.Absolute, out var ua) && Uri.TryCreate(b, UriKind.Absolute, out var ub)
            && (ua == ub || (MediaIdOf(ua) is { } ida && ida == MediaIdOf(ub)));

    internal static void AddDistinct(List<string> target, IEnumerable<string> urls)
    {
        foreach (var url in urls)
        {
            if (!target.Any(t => SameMedia(t, url)))
            {
                target.Add(url);
            }
        }
    }
}
