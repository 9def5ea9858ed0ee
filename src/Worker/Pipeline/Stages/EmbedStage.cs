using Crawler.Worker.Catalog.Work;
using Crawler.Dedup.Embedding;
using Crawler.Dedup.Imaging;
using Crawler.Worker.Blobs;
using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Embedding;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Pipeline.Stages;

/// <summary>Embeds stored images in batches (the model runs best on many at once).</summary>
public sealed class EmbedStage(IImageEmbedder embedder, BlobStore blobs, EmbeddingStore embeddings, ImageStore images, DedupWakeups wakeups, IOptions<EmbeddingOptions> options) : IStageHandler
{
    public string Stage => StageNames.Embed;

    /// <summary>One claim is one model batch (<c>Embedding:BatchSize</c>).</summary>
    public int BatchSize => options.Value.BatchSize;

    public Task RecordGiveUpAsync(WorkItem item, string reason, CancellationToken ct) =>
        images.RecordImageFailedAsync(item.ItemKey, $"could not be embedded: {reason}", ct);

    public async Task<IReadOnlyList<StageOutcome>> HandleAsync(IReadOnlyList<WorkItem> batch, CancellationToken ct)
    {
        var bytes = new List<byte[]>(batch.Count);
        foreach (var item in batch)
        {
            bytes.Add(await blobs.GetAsync(item.ItemKey, ct));
        }
        try
        {
            var vectors = embedder.Embed(bytes);
            await embeddings.PutAsync(batch.Select((item, i) => (item.ItemKey, vectors[i])), embedder.ModelId, ct);
            await wakeups.ImagesEmbeddedAsync([.. batch.Select(i => i.ItemKey)], ct);
            return batch.Select(_ => StageOutcome.Done).ToList();
        }
        catch (ImageRejectedException)
        {
            // One bad image must not sink its batch: embed them one by one to find it.
            return await OneByOneAsync(batch, bytes, ct);
        }
    }

    private async Task<IReadOnlyList<StageOutcome>> OneByOneAsync(IReadOnlyList<WorkItem> batch, List<byte[]> bytes, CancellationToken ct)
    {
        var outcomes = new List<StageOutcome>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            try
            {
                var vector = embedder.Embed([bytes[i]])[0];
                await embeddings.PutAsync([(batch[i].ItemKey, vector)], embedder.ModelId, ct);
                await wakeups.ImagesEmbeddedAsync([batch[i].ItemKey], ct);
                outcomes.Add(StageOutcome.Done);
            }
            catch (ImageRejectedException e)
            {
                outcomes.Add(StageOutcome.Failed(e.Message));
            }
        }
        return outcomes;
    }
}
