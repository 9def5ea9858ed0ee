namespace Crawler.Rewrite;

/// <summary>Turns a request written for people into a short instruction for a model.</summary>
public interface IInstructionRewriter
{
    /// <summary>Stored as <c>rewrite_model</c> on every row it produces.</summary>
    string Model { get; }

    /// <summary>Stored beside the model, so a changed prompt re-runs the rows.</summary>
    string PromptVersion { get; }

    /// <summary>Whether <see cref="RewriteInput.Source"/> and <see cref="RewriteInput.Target"/> are looked at; when not, nobody needs to decode them.</summary>
    bool SeesImages { get; }

    /// <summary>A result for the pair: a model answer, or <see cref="RewriteStatus.Failed"/> when its answers never passed validation.</summary>
    /// <exception cref="Llm.LlmUnavailableException">The endpoint did not answer after our retries; worth trying again later.</exception>
    /// <exception cref="Llm.LlmRequestRejectedException">The endpoint refused this request as malformed; trying again will not help.</exception>
    Task<RewriteResult> RewriteAsync(RewriteInput input, CancellationToken cancellationToken);
}
