using Crawler.Rewrite;
using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Tests.Pipeline.Stages;

namespace Crawler.Worker.Tests.Catalog.Stores;

public sealed class RewriteStoreTests
{
    [Fact]
    public async Task StalePairsAsync_ListsMissingGivenUpAndOtherRewritersRows_NotCurrentOnes()
    {
        await using var rig = await RewriteRig.StartAsync();
        var missing = await rig.AddPairAsync("t1", "Remove the box");
        var byRules = await rig.AddPairAsync("t2", "Remove the ball");
        var givenUp = await rig.AddPairAsync("t3", "Remove the tree");
        var current = await rig.AddPairAsync("t4", "Remove the car");
        var oldPrompt = await rig.AddPairAsync("t5", "Remove the cat");
        await rig.Rewrites.PutAsync(Row(byRules, "rules", "rules-v2"), CancellationToken.None);
        await rig.Rewrites.RecordGiveUpAsync(givenUp, "m", "p2", "gave up after 5 attempts: HTTP 503", CancellationToken.None);
        await rig.Rewrites.PutAsync(Row(current, "m", "p2"), CancellationToken.None);
        await rig.Rewrites.PutAsync(Row(oldPrompt, "m", "p1"), CancellationToken.None);

        var stale = await rig.Rewrites.StalePairsAsync("m", "p2", CancellationToken.None);

        Assert.Equal(new[] { missing, byRules, givenUp, oldPrompt }.Order(StringComparer.Ordinal), stale);
    }

    [Fact]
    public async Task Pairs_KeepTheirKind_AndStalePairsAsync_ListsOnlyTheKindAsked()
    {
        await using var rig = await RewriteRig.StartAsync();
        var request = await rig.AddPairAsync("t1", "Remove the box");
        var battle = await rig.AddPairAsync("b1", "", kind: Core.Domain.PairKind.Battle);

        var kinds = (await rig.Pairs.GetAsync(request, CancellationToken.None), await rig.Pairs.GetAsync(battle, CancellationToken.None));

        Assert.Equal((Core.Domain.PairKind.Request, Core.Domain.PairKind.Battle), (kinds.Item1!.PairKind, kinds.Item2!.PairKind));
        Assert.Equal([battle], await rig.Rewrites.StalePairsAsync("m", "p", CancellationToken.None, Core.Domain.PairKind.Battle));
        Assert.Equal([request], await rig.Rewrites.StalePairsAsync("m", "p", CancellationToken.None));
    }

    [Fact]
    public async Task CachedAsync_AnswersOnlyForTheSameInputsModelAndPrompt()
    {
        await using var rig = await RewriteRig.StartAsync();
        var pair = await rig.AddPairAsync("t1", "Remove the box");
        await rig.Rewrites.PutAsync(Row(pair, "m", "p1") with { InputsHash = "h1" }, CancellationToken.None);

        Assert.Equal("Remove it.", (await rig.Rewrites.CachedAsync("other", "h1", "m", "p1", CancellationToken.None))?.Instruction);
        Assert.Null(await rig.Rewrites.CachedAsync("other", "h2", "m", "p1", CancellationToken.None));
        Assert.Null(await rig.Rewrites.CachedAsync("other", "h1", "m2", "p1", CancellationToken.None));
        Assert.Null(await rig.Rewrites.CachedAsync("other", "h1", "m", "p2", CancellationToken.None));
    }

    private static RewriteRow Row(string pairId, string model, string prompt) => new()
    {
        PairId = pairId, InputsHash = "h-" + pairId, Model = model, PromptVersion = prompt,
        Instruction = "Remove it.", EditType = EditTypes.RemoveObject, Status = RewriteStatus.Ok,
    };
}
