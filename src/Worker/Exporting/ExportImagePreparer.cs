using Crawler.Export.Images;
using Crawler.Worker.Blobs;
using Crawler.Worker.Catalog.Stores;
using NetVips;

namespace Crawler.Worker.Exporting;

/// <summary>
/// Gives the exporter an image's cleaned bytes. Stripping metadata is cheap and exact, so it is redone at
/// each export; a re-encode is done once and its output kept as a blob, so every later snapshot carries
/// the very same bytes. Each outcome, failures included, is recorded in <c>export_images</c>.
/// </summary>
public sealed class ExportImagePreparer(ImageCleaner cleaner, ImageCleaningSettings settings, ExportImageStore store, BlobStore blobs)
{
    public const string Stripped = "stripped";
    public const string Reencoded = "reencoded";
    public const string Failed = "failed";

    /// <summary>Names the cleaner and its settings: a recorded re-encode made by another is redone.</summary>
    private readonly string _cleanerKey = $"{ImageCleaner.Version}:{settings.LargeImageBytes}:{settings.LargeImageQuality}:{settings.LargeImageMaxSide}";

    /// <returns>The cleaned image, or null with the reason it cannot be exported.</returns>
    public async Task<(CleanedImage? Image, string? Failure)> PrepareAsync(string sha256, string format, int width, int height, int orientation, CancellationToken ct)
    {
        var recorded = await store.GetAsync(sha256, ct);
        if (recorded is { Treatment: Reencoded, ExportedSha256: { } kept } && recorded.Cleaner == _cleanerKey && blobs.Exists(kept))
        {
            return (new CleanedImage(await blobs.GetAsync(kept, ct), recorded.Format!, recorded.Width!.Value, recorded.Height!.Value, ImageTreatment.Reencoded, recorded.Reason), null);
        }
        CleanedImage cleaned;
        try
        {
            cleaned = cleaner.Clean(new SourceImage(await blobs.GetAsync(sha256, ct), format, width, height, orientation));
        }
        catch (Exception e) when (e is VipsException or FileNotFoundException or DirectoryNotFoundException)
        {
            var reason = e is VipsException ? $"could not be re-encoded: {e.Message.Trim()}" : "the downloaded file is missing from the blob store";
            await store.RecordAsync(new ExportImageRow { DownloadSha256 = sha256, Cleaner = _cleanerKey, Treatment = Failed, Reason = reason }, ct);
            return (null, reason);
        }
        if (cleaned.Treatment == ImageTreatment.Reencoded)
        {
            await blobs.PutAsync(cleaned.Bytes, ct);
        }
        if (recorded is null || recorded.ExportedSha256 != cleaned.Sha256 || recorded.Cleaner != _cleanerKey)
        {
            await store.RecordAsync(new ExportImageRow
            {
                DownloadSha256 = sha256,
                Cleaner = _cleanerKey,
                Treatment = cleaned.Treatment == ImageTreatment.Reencoded ? Reencoded : Stripped,
                Reason = cleaned.Reason,
                ExportedSha256 = cleaned.Sha256,
                Format = cleaned.Format,
                Width = cleaned.Width,
                Height = cleaned.Height,
                Bytes = cleaned.Bytes.Length,
            }, ct);
        }
        return (cleaned, null);
    }
}
