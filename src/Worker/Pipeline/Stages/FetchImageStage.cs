using Crawler.Dedup.Imaging;
using Crawler.Worker.Blobs;
using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Fetching;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Pipeline.Stages;

/// <summary>
/// Downloads an image URL, proves it is an image by decoding it fully, stores the bytes unchanged under
/// their SHA-256, and applies the quality gates. A URL already fetched costs nothing.
/// </summary>
public sealed class FetchImageStage(
    IFetcher fetcher,
    ImageStore images,
    BlobStore blobs,
    WorkQueue queue,
    IOptions<ImageQualityOptions> quality) : ItemStageHandler
{
    /// <summary>The fetcher's source name for image hosts; they get no exemption from politeness.</summary>
    public const string ImageSource = "images";

    public override string Stage => StageNames.FetchImage;

    public override int BatchSize => 8;

    public override Task RecordGiveUpAsync(WorkItem item, string reason, CancellationToken ct) =>
        images.RecordUrlFailedAsync(item.ItemKey, reason, null, ct);

    protected override async Task<StageOutcome> HandleItemAsync(WorkItem item, CancellationToken ct)
    {
        var url = item.ItemKey;
        if (await images.GetUrlAsync(url, ct) is { Status: ImageStore.Ok })
        {
            return StageOutcome.Done;
        }
        FetchResponse response;
        try
        {
            response = await fetcher.FetchAsync(new FetchRequest(new Uri(url), FetchKind.Image, ImageSource), ct);
        }
        catch (FetchException e) when (!e.Transient)
        {
            await images.RecordUrlFailedAsync(url, e.Message, e.StatusCode, ct);
            return StageOutcome.Failed(e.Message);
        }
        catch (FetchException e)
        {
            return StageOutcome.Transient(e.Message);
        }
        ImageFacts facts;
        try
        {
            facts = new ImageInspector(quality.Value.MaxPixels).Inspect(response.Body);
        }
        catch (ImageRejectedException e)
        {
            await images.RecordUrlFailedAsync(url, e.Message, response.StatusCode, ct);
            return StageOutcome.Failed(e.Message);
        }
        var sha = await blobs.PutAsync(response.Body, ct);
        var gate = QualityGate(facts);
        await images.RecordFetchedAsync(url, new ImageRow
        {
            Sha256 = sha,
            Format = facts.Format.ToString().ToLowerInvariant(),
            Width = facts.Width,
            Height = facts.Height,
            Orientation = facts.Orientation,
            Frames = facts.Frames,
            Bytes = response.Body.Length,
            Status = gate is null ? ImageStore.Ok : ImageStore.Failed,
            Reason = gate,
        }, response.StatusCode, response.ETag, response.LastModified, ct);
        if (gate is null)
        {
            await queue.EnqueueIfAbsentAsync(StageNames.Embed, [(sha, item.SortKey)], ct);
        }
        return StageOutcome.Done;
    }

    private string? QualityGate(ImageFacts facts)
    {
        var options = quality.Value;
        var (shortSide, longSide) = (Math.Min(facts.Width, facts.Height), Math.Max(facts.Width, facts.Height));
        if (shortSide < options.MinShortSide)
        {
            return $"too small: short side {shortSide} px is under {options.MinShortSide} px";
        }
        if ((double)longSide / shortSide > options.MaxAspectRatio)
        {
            return $"aspect ratio {(double)longSide / shortSide:0.0} exceeds {options.MaxAspectRatio:0.0}";
        }
        return null;
    }
}
