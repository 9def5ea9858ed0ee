using Crawler.Core.Domain;
using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Catalog.Work;
using Crawler.Worker.Pipeline;

namespace Crawler.Worker.Tests.Pipeline;

/// <summary>A pair deferred while its images come in is woken by the stage that settles one of them, and no other pair is.</summary>
public sealed class DedupWakeupsTests
{
    private const string Original = "https://i.redd.it/orig.jpg";
    private const string Edit = "https://i.imgur.com/edit.jpg";

    [Fact]
    public async Task ASettledLink_WakesThePairsThatUseIt()
    {
        using var pipeline = await TestPipeline.StartAsync();
        var (mine, other) = await SeedTwoDeferredPairsAsync(pipeline);

        await pipeline.Get<DedupWakeups>().LinksSettledAsync([Edit], CancellationToken.None);

        Assert.Equal([mine], await DueAsync(pipeline));
        Assert.NotEqual(mine, other);
    }

    [Fact]
    public async Task AnEmbeddedImage_WakesThePairsThatUseIt_ByAnyOfItsLinks()
    {
        using var pipeline = await TestPipeline.StartAsync();
        var (mine, _) = await SeedTwoDeferredPairsAsync(pipeline);
        await pipeline.Get<ImageStore>().RecordFetchedAsync(Original, new ImageRow
        {
            Sha256 = "abc", Format = "jpeg", Width = 16, Height = 16, Frames = 1, Bytes = 10, Status = ImageStore.Ok,
        }, 200, null, null, CancellationToken.None);

        await pipeline.Get<DedupWakeups>().ImagesEmbeddedAsync(["abc"], CancellationToken.None);

        Assert.Equal([mine], await DueAsync(pipeline));
    }

    /// <summary>Two threads' pairs, both deferred for two minutes; only the first uses <see cref="Original"/> and <see cref="Edit"/>.</summary>
    private static async Task<(string Mine, string Other)> SeedTwoDeferredPairsAsync(TestPipeline pipeline)
    {
        var mine = await SeedPairAsync(pipeline, "t1", Original, Edit);
        var other = await SeedPairAsync(pipeline, "t2", "https://i.redd.it/other.jpg", "https://i.imgur.com/other-edit.jpg");
        await pipeline.Get<WorkQueue>().EnqueueAsync(StageNames.Dedup, [(mine, mine), (other, other)], pipeline.Time.GetUtcNow().AddMinutes(2));
        Assert.Empty(await DueAsync(pipeline));
        return (mine, other);
    }

    private static async Task<string> SeedPairAsync(TestPipeline pipeline, string threadId, string original, string edit)
    {
        var thread = new ThreadRef("reddit", threadId);
        var candidate = new PairCandidate("r1", 0, original, edit, "editor", 10, false, 1, "fix it", "", null);
        await pipeline.Get<PairStore>().SaveCandidatesAsync(thread, [candidate], CancellationToken.None);
        return PairId.Of(thread, candidate);
    }

    private static async Task<List<string>> DueAsync(TestPipeline pipeline) =>
        [.. (await pipeline.Get<WorkQueue>().ClaimAsync(StageNames.Dedup, 10, TimeSpan.FromMinutes(5), CancellationToken.None)).Select(i => i.ItemKey)];
}
