using Crawler.Worker.Catalog.Work;
using Crawler.Core.Text;
using Crawler.Dedup.Imaging;
using Crawler.Worker.Blobs;
using Crawler.Worker.Catalog.Stores;
using Crawler.Fetching;
using Crawler.Worker.Images;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Pipeline.Stages;

/// <summary>
/// Resolves an image link to one download, fetches it, proves it is an image by decoding it fully, stores
/// the bytes unchanged under their SHA-256 and applies the quality gates. A link already fetched, a
/// resolved URL already downloaded for another link, or bytes already stored cost nothing more. Every
/// failure is written on the link's row with its reason; only transient ones come back for another try.
/// </summary>
public sealed class FetchImageStage(
    IFetcher fetcher,
    ImageHostResolver hosts,
    ImageInspector inspector,
    ImageStore images,
    BlobStore blobs,
    WorkQueue queue,
    DedupWakeups wakeups,
    IOptions<ImagesOptions> quality,
    IOptions<ImageHostsOptions> hostOptions,
    IOptions<FetchOptions> fetchOptions) : ItemStageHandler
{
    /// <summary>The fetcher's source name for image hosts; they get no exemption from robots.txt or politeness.</summary>
    public const string ImageSource = "images";

    public override string Stage => StageNames.FetchImage;

    public override int BatchSize => 8;

    public override async Task RecordGiveUpAsync(WorkItem item, string reason, CancellationToken ct)
    {
        await images.RecordUrlFailedAsync(item.ItemKey, reason, null, ct);
        await wakeups.LinksSettledAsync([item.ItemKey], ct);
    }

    protected override async Task<StageOutcome> HandleItemAsync(WorkItem item, CancellationToken ct)
    {
        var outcome = await FetchAsync(item, ct);
        if (outcome is StageOutcome.Completed or StageOutcome.Permanent)
        {
            // A pair waiting on this link can now go on: to embedding, or to rejection for its image.
            await wakeups.LinksSettledAsync([item.ItemKey], ct);
        }
        return outcome;
    }

    private async Task<StageOutcome> FetchAsync(WorkItem item, CancellationToken ct)
    {
        var url = item.ItemKey;
        if (await images.GetUrlAsync(url, ct) is { Sha256: not null })
        {
            return StageOutcome.Done;
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var link))
        {
            return await FailAsync(url, "not an absolute URL", null, ct);
        }
        try
        {
            var target = await hosts.ResolveAsync(link, ct);
            if (await images.FindByResolvedUrlAsync(target.Url.AbsoluteUri, ct) is { Sha256: { } known } other)
            {
                await images.RecordUrlOfImageAsync(url, known, new UrlFetch(other.HttpStatus, null, null, target.Url.AbsoluteUri, target.AlbumOthers), ct);
                return StageOutcome.Done;
            }
            var response = await fetcher.FetchAsync(new FetchRequest(target.Url, FetchKind.Image, ImageSource), ct);
            if (XRobotsTag.Refusal(response.Header("x-robots-tag"), UserAgentToken.Of(fetchOptions.Value.UserAgent), hostOptions.Value.RefusedRobotsTagDirectivesInForce) is { } refusal)
            {
                return await FailAsync(url, refusal, response.StatusCode, ct);
            }
            await StoreAsync(url, target, response, item.SortKey, ct);
            return StageOutcome.Done;
        }
        catch (FetchException e) when (e.Transient)
        {
            await images.RecordUrlRetryAsync(url, e.Message, e.StatusCode, ct);
            return StageOutcome.FromFetch(e);
        }
        catch (FetchException e)
        {
            return await FailAsync(url, e.Message, e.StatusCode, ct);
        }
        catch (ImageRejectedException e)
        {
            return await FailAsync(url, e.Message, null, ct);
        }
    }

    private async Task StoreAsync(string url, ImageTarget target, FetchResponse response, string sortKey, CancellationToken ct)
    {
        var sha = Sha256Hex.Of(response.Body);
        var fetch = new UrlFetch(response.StatusCode, response.ETag, response.LastModified, target.Url.AbsoluteUri, target.AlbumOthers);
        if (await images.GetImageAsync(sha, ct) is not { } stored)
        {
            var facts = inspector.Inspect(response.Body, ct);
            await blobs.PutAsync(response.Body, ct);
            var gate = new QualityGate(quality.Value.Thresholds).Reject(facts);
            stored = new ImageRow
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
            };
            await images.RecordFetchedAsync(url, stored, fetch, ct);
        }
        else
        {
            // The same bytes came from another link before: no decode, no second copy.
            await images.RecordUrlOfImageAsync(url, sha, fetch, ct);
        }
        if (stored.Status == ImageStore.Ok)
        {
            await queue.EnqueueIfAbsentAsync(StageNames.Embed, [(sha, sortKey)], ct);
        }
    }

    private async Task<StageOutcome> FailAsync(string url, string reason, int? httpStatus, CancellationToken ct)
    {
        await images.RecordUrlFailedAsync(url, reason, httpStatus, ct);
        return StageOutcome.Failed(reason);
    }
}
