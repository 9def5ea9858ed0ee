using Crawler.Fetching;
using System.Text.Json;
using Crawler.Core.Text;

namespace Crawler.Worker.Images;

/// <summary>
/// Reads imgur API v3 answers: <c>{"data": {...}, "success": true, "status": 200}</c>, where data is an
/// album (with <c>images</c>) or a single image (with <c>link</c>).
/// </summary>
public static class ImgurJson
{
    /// <summary>One image of an album: its id, the scheme and extension of its link, whether it is animated.</summary>
    public sealed record Entry(string Id, string Scheme, string Extension, bool Animated)
    {
        /// <summary>The still to download: the file itself, or an animation's first frame.</summary>
        public Uri Still => ImgurLinks.Still(Scheme, Id, Animated ? ".gifv" : Extension);
    }

    /// <exception cref="FetchException">Not the API's JSON, unsuccessful, or an empty album (permanent).</exception>
    public static IReadOnlyList<Entry> Images(byte[] body, string what, string id)
    {
        try
        {
            using var document = JsonText.Parse(body);
            var root = document.RootElement;
            if (root.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.False)
            {
                throw Unresolvable($"imgur says the {what} {id} failed: {ErrorOf(root)}");
            }
            var data = root.GetProperty("data");
            var entries = data.TryGetProperty("images", out var images) && images.ValueKind == JsonValueKind.Array
                ? images.EnumerateArray().Select(EntryOf).OfType<Entry>().ToList()
                : new[] { EntryOf(data) }.OfType<Entry>().ToList();
            return entries.Count > 0 ? entries : throw Unresolvable($"imgur {what} {id} has no images");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FetchException($"unresolvable: the imgur API's answer for {what} {id} is not the JSON expected ({e.Message})", transient: false, inner: e);
        }
    }

    private static Entry? EntryOf(JsonElement image)
    {
        if (!image.TryGetProperty("link", out var link) || !Uri.TryCreate(link.GetString(), UriKind.Absolute, out var url)
            || ImgurLinks.Classify(url) is not { Kind: ImgurLinks.Kind.File } file)
        {
            return null;
        }
        var animated = image.TryGetProperty("animated", out var a) && a.ValueKind == JsonValueKind.True;
        // A large animation's link is its 'h' thumbnail GIF (zVpyzhWh.gif); the still is named from the image id.
        var id = image.TryGetProperty("id", out var given) && given.GetString() is { Length: > 0 } gid ? gid : file.Id;
        return new Entry(id, url.Scheme, file.Extension, animated);
    }

    private static string ErrorOf(JsonElement root) =>
        root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object && data.TryGetProperty("error", out var error)
            ? error.ToString()
            : "no reason given";

    private static FetchException Unresolvable(string why) => new($"unresolvable: {why}", transient: false);
}
