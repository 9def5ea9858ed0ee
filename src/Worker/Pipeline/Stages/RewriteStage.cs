using Crawler.Core.Domain;
using Crawler.Worker.Catalog.Work;
using Crawler.Rewrite;
using Crawler.Rewrite.Llm;
using Crawler.Worker.Catalog.Stores;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Pipeline.Stages;

/// <summary>
/// Writes the instruction of an accepted pair. A batch is rewritten concurrently (the rewriter's own limits
/// decide how many calls run at once); an answer already cached for the same inputs, model and prompt costs
/// nothing. Battle pairs go to the battle rewriter. An endpoint that stays unavailable is retried by the pipeline; a request it refuses fails the item.
/// </summary>
public sealed class RewriteStage(
    PairStore pairs,
    ThreadStore threads,
    ImageStore images,
    RewriteStore rewrites,
    RewriteImages pictures,
    InstructionRewriters rewriters,
    IOptions<RewriteOptions> options) : IStageHandler
{
    public string Stage => StageNames.Rewrite;

    // Two rounds of calls: every allowed call stays busy, and a batch of slow, retried calls still ends well
    // within the lease (about 2 x (MaxRetries + 1) x TimeoutSeconds at worst), so no other worker retakes it.
    public int BatchSize => options.Value.MaxConcurrency * 2;

    public async Task<IReadOnlyList<StageOutcome>> HandleAsync(IReadOnlyList<WorkItem> batch, CancellationToken ct) =>
        await Task.WhenAll(batch.Select(item => OutcomeOfAsync(item, ct)));

    public async Task RecordGiveUpAsync(WorkItem item, string reason, CancellationToken ct)
    {
        var rewriter = rewriters.For((await pairs.GetAsync(item.ItemKey, ct))?.PairKind ?? PairKind.Request);
        await rewrites.RecordGiveUpAsync(item.ItemKey, rewriter.Model, rewriter.PromptVersion, reason, ct);
    }

    private async Task<StageOutcome> OutcomeOfAsync(WorkItem item, CancellationToken ct)
    {
        try
        {
            return await RewriteAsync(item.ItemKey, ct);
        }
        catch (LlmUnavailableException e)
        {
            return StageOutcome.Transient(e.Message);
        }
        catch (LlmRequestRejectedException e)
        {
            return StageOutcome.Failed(e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return FailureClassifier.Classify(e);
        }
    }

    private async Task<StageOutcome> RewriteAsync(string pairId, CancellationToken ct)
    {
        if (await pairs.GetAsync(pairId, ct) is not { Status: PairStatus.Accepted } pair)
        {
            return StageOutcome.Done;
        }
        var source = await images.GetUrlAsync(pair.SourceUrl, ct);
        var target = await images.GetUrlAsync(pair.TargetUrl, ct);
        if (source?.Sha256 is not { } sourceSha || target?.Sha256 is not { } targetSha)
        {
            return StageOutcome.Failed("an accepted pair without both images stored");
        }
        // A battle entry answers no request: its instruction is described from the images, with its own prompt.
        var rewriter = rewriters.For(pair.PairKind);
        var thread = await threads.GetAsync(pair.Thread, ct);
        var request = RequestParts.Split(pair.RequestText, thread?.Title ?? "", thread?.Body ?? "");
        var inputsHash = InputsHash.Of(request, pair.EditorText, sourceSha, targetSha);
        if (await rewrites.GetAsync(pairId, ct) is { } existing && existing.InputsHash == inputsHash
            && existing.Model == rewriter.Model && existing.PromptVersion == rewriter.PromptVersion)
        {
            return StageOutcome.Done;
        }
        if (await rewrites.CachedAsync(pairId, inputsHash, rewriter.Model, rewriter.PromptVersion, ct) is { } cached)
        {
            await rewrites.PutFromCacheAsync(cached, ct);
            return StageOutcome.Done;
        }
        var input = rewriter.SeesImages
            ? new RewriteInput(request, pair.EditorText,
                await pictures.LoadAsync(sourceSha, options.Value.ImageMaxSide, ct), await pictures.LoadAsync(targetSha, options.Value.ImageMaxSide, ct))
            : new RewriteInput(request, pair.EditorText);
        var result = await rewriter.RewriteAsync(input, ct);
        await rewrites.PutAsync(new RewriteRow
        {
            PairId = pairId,
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
