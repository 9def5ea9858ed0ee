using System.ClientModel;
using Microsoft.Extensions.AI;

namespace Crawler.Rewrite.Llm;

/// <summary>
/// Rewrites through a multimodal chat model. An answer that fails validation is shown back to the model with
/// the error, once; a second failure is recorded as <see cref="RewriteStatus.Failed"/> with both errors.
/// </summary>
public sealed class ChatRewriter(IChatClient client, RewriteConversation conversation, ChatOptions chatOptions, string model, string promptVersion)
    : IInstructionRewriter
{
    public string Model => model;

    public string PromptVersion => promptVersion;

    public bool SeesImages => true;

    public async Task<RewriteResult> RewriteAsync(RewriteInput input, CancellationToken cancellationToken)
    {
        var messages = conversation.Start(input);
        var first = await AskAsync(messages, cancellationToken);
        var (result, error) = RewriteAnswer.Parse(first);
        if (result is not null)
        {
            return result;
        }
        RewriteConversation.AskAgain(messages, first, error!);
        var (second, secondError) = RewriteAnswer.Parse(await AskAsync(messages, cancellationToken));
        return second ?? new RewriteResult("", EditTypes.Other, RewriteStatus.Failed, $"invalid answer twice: {error}; then {secondError}");
    }

    private async Task<string> AskAsync(List<ChatMessage> messages, CancellationToken ct)
    {
        try
        {
            var response = await client.GetResponseAsync(messages, chatOptions, ct);
            return response.Text;
        }
        catch (ClientResultException e) when (e.Status is 400 or 413 or 415 or 422)
        {
            throw new LlmRequestRejectedException($"the endpoint refused the request: HTTP {e.Status}: {e.Message}", e);
        }
        catch (ClientResultException e)
        {
            // 401, 403, 404 (no such model) and the like: a setting to fix, after which the same request succeeds.
            throw new LlmUnavailableException($"the endpoint answered HTTP {e.Status}: {e.Message}", e);
        }
    }
}
