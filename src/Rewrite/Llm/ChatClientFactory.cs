using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace Crawler.Rewrite.Llm;

/// <summary>
/// Builds the one <see cref="IChatClient"/> for an OpenAI-compatible endpoint, over an HTTP client whose
/// <see cref="ThrottlingHandler"/> does all retrying and timing: the SDK's retries and timeout are turned off.
/// </summary>
public static class ChatClientFactory
{
    /// <param name="httpClient">Sends through a <see cref="ThrottlingHandler"/>.</param>
    /// <param name="apiKey">From the environment; local servers take any non-empty value.</param>
    public static IChatClient Create(RewriteOptions options, HttpClient httpClient, string? apiKey)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(options.Endpoint!),
            Transport = new HttpClientPipelineTransport(httpClient),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        };
        var key = new ApiKeyCredential(string.IsNullOrEmpty(apiKey) ? "no-key" : apiKey);
        return new ChatClient(options.Model!, key, clientOptions).AsIChatClient();
    }

    /// <summary>Asks for the schema, deterministic sampling, and a bounded answer.</summary>
    public static Microsoft.Extensions.AI.ChatOptions ChatOptionsFor(RewriteOptions options) => new()
    {
        ModelId = options.Model,
        Temperature = 0,
        MaxOutputTokens = options.MaxOutputTokens,
        ResponseFormat = options.ResponseFormat == ResponseModes.JsonSchema
            ? Microsoft.Extensions.AI.ChatResponseFormat.ForJsonSchema(RewriteSchema.Schema, RewriteSchema.Name, "An instruction rewritten from a photo-edit request.")
            : null,
    };
}
