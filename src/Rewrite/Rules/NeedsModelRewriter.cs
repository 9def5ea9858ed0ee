namespace Crawler.Rewrite.Rules;

/// <summary>
/// The rules rewriter's stand-in for battle pairs: their only words are a caption, so the instruction must be
/// read from the pixels, which rules cannot do. It says so (<see cref="RewriteStatus.NeedsModel"/>) instead of
/// making an instruction up; the rows are rewritten once a model is configured.
/// </summary>
public sealed class NeedsModelRewriter : IInstructionRewriter
{
    public const string Reason = "a battle entry answers no request: describing its edit needs a multimodal model (set Rewrite:Endpoint)";

    public string Model => RulesRewriter.ModelName;

    public string PromptVersion => "rules-battle-v1";

    public bool SeesImages => false;

    public Task<RewriteResult> RewriteAsync(RewriteInput input, CancellationToken cancellationToken) =>
        Task.FromResult(new RewriteResult("", EditTypes.Other, RewriteStatus.NeedsModel, Reason));
}
