namespace Crawler.Rewrite;

/// <summary>Turns a request written for people into a short instruction for a model.</summary>
public interface IInstructionRewriter
{
    /// <summary>Stored as <c>rewrite_model</c> on every row it produces.</summary>
    string Model { get; }

    /// <summary>Stored beside the model, so a changed prompt re-runs the rows.</summary>
    string PromptVersion { get; }

    Task<RewriteResult> RewriteAsync(RewriteInput input, CancellationToken cancellationToken);
}
