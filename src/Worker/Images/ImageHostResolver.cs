using Crawler.Fetching;
using System.Net;
using Crawler.Dedup.Imaging;
using Crawler.Worker.Pipeline.Stages;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Images;

/// <summary>
/// Turns an image link as people post it into the one URL to download: i.redd.it as it is; preview.redd.it
/// with its signed query kept whole (only HTML-escaped ampersands undone); i.imgur.com files as they are and
/// gifv/mp4 as their still; imgur pages as their file; albums and gallery posts through the imgur API; any
/// other link (forum attachments among them) as it is, in its own host's turn and under its robots.txt.
/// </summary>
public sealed class ImageHostResolver(ImgurApi imgur, IOptions<ImagesOptions> quality)
{
    /// <exception cref="FetchException">The link cannot be turned into an image URL, or the API failed.</exception>
    public async Task<ImageTarget> ResolveAsync(Uri url, CancellationToken ct)
    {
        var host = url.Host.ToLowerInvariant();
        if (host is "preview.redd.it" or "external-preview.redd.it")
        {
            return ImageTarget.Direct(SignedPreview(url));
        }
        var (kind, id, extension) = ImgurLinks.Classify(url);
        if (kind == ImgurLinks.Kind.File && ImgurLinks.IsVideo(extension) && quality.Value.Animated == AnimatedImages.Skip)
        {
            throw new FetchException($"animated: {url} is an imgur video, and animated images are skipped", transient: false);
        }
        return kind switch
        {
            ImgurLinks.Kind.File when ImgurLinks.IsVideo(extension) => ImageTarget.Direct(ImgurLinks.Still(url.Scheme, id, extension)),
            ImgurLinks.Kind.Page => ImageTarget.Direct(ImgurLinks.Still(url.Scheme, id, "")),
            ImgurLinks.Kind.Album or ImgurLinks.Kind.Gallery => await imgur.ResolveAsync(kind, id, ct),
            _ => ImageTarget.Direct(url),
        };
    }

    /// <summary>
    /// Reddit JSON fetched without raw_json escapes '&amp;' as '&amp;amp;'; the signature ('s=') covers the real
    /// query, so it is unescaped and otherwise left exactly as it was.
    /// </summary>
    private static Uri SignedPreview(Uri url) =>
        url.Query.Contains("&amp;", StringComparison.Ordinal)
            ? new UriBuilder(url) { Query = WebUtility.HtmlDecode(url.Query.TrimStart('?')) }.Uri
            : url;
}
