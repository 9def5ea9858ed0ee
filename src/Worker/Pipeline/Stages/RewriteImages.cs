using Crawler.Rewrite;
using Crawler.Worker.Blobs;
using NetVips;

namespace Crawler.Worker.Pipeline.Stages;

/// <summary>
/// The two images as a model sees them: read from the blob store, EXIF orientation applied, shrunk on load so
/// the longest side is at most the configured size, flattened onto white and encoded as JPEG without metadata.
/// </summary>
public sealed class RewriteImages(BlobStore blobs)
{
    private const string MediaType = "image/jpeg";

    public async Task<RewriteImage> LoadAsync(string sha256, int maxSide, CancellationToken ct)
    {
        var bytes = await blobs.GetAsync(sha256, ct);
        return new RewriteImage(Downscale(bytes, maxSide), MediaType);
    }

    public static byte[] Downscale(byte[] bytes, int maxSide)
    {
        using var thumbnail = Image.ThumbnailBuffer(bytes, maxSide, height: maxSide, size: Enums.Size.Down);
        using var flat = thumbnail.HasAlpha() ? thumbnail.Flatten(background: [255, 255, 255]) : thumbnail.Copy();
        using var srgb = flat.Interpretation == Enums.Interpretation.Srgb || flat.Bands < 3 ? flat.Copy() : flat.Colourspace(Enums.Interpretation.Srgb);
        return srgb.JpegsaveBuffer(q: 85, keep: Enums.ForeignKeep.None);
    }
}
