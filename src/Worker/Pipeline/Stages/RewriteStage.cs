using Crawler.Core.Text;
using Crawler.Rewrite;
using Crawler.Worker.Catalog.Stores;

namespace Crawler.Worker.Pipeline.Stages;

/// <summary>Writes the instruction of an accepted pair; skipped when the inputs, model and prompt are unchanged.</summary>
public sealed class RewriteStage(PairStore pairs, RewriteStore rewrites, IInstructionRewriter rewriter) : ItemStageHandler
{
    public override string Stage => StageNames.Rewrite;

    public override int BatchSize => 8;

    protected override async Task<StageOutcome> HandleItemAsync(WorkItem item, CancellationToken ct)
    {
        if (await pairs.GetAsync(item.ItemKey, ct) is not { Status: PairStatus.Accepted } pair)
        {
            return StageOutcome.Done;
        }
        var inputsHash = Sha256Hex.Of($"{pair.RequestText}\n\u0000{pair.EditorText}");
        if (await rewrites.GetAsync(pair.PairId, ct) is { } existing && existing.InputsHash == inputsHash
            && existing.Model == rewriter.Model && existing.PromptVersion == rewriter.PromptVersion)
        {
            return StageOutcome.Done;
        }
        var result = await rewriter.RewriteAsync(new RewriteInput(pair.RequestText, pair.EditorText), ct);
        await rewrites.PutAsync(new RewriteRow
        {
            PairId = pair.PairId,
            InputsHash = inputsHash,
            Model = rewriter.Model,
            PromptVersion = rewriter.PromptVersion,
            Instruction = result.Instruction,
            EditType = result.EditType,
            Status = result.Status,
            Reason = result.Reason,
        }, ct);
        return StageOutcome.Done;
    }
}
