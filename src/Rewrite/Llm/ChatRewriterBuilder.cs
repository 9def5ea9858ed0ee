using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Crawler.Rewrite.Llm;

/// <summary>Wires a <see cref="ChatRewriter"/>: pacing, concurrency, timeout and retries around the HTTP handler, the SDK client on top.</summary>
public static class ChatRewriterBuilder
{
    /// <param name="network">The handler that reaches the endpoint (a <see cref="SocketsHttpHandler"/> in service).</param>
    public static ChatRewriter Build(RewriteOptions options, TimeProvider time, PromptFile prompt, string? apiKey, HttpMessageHandler network, ILogger logger)
    {
        HttpMessageHandler handler = new ThrottlingHandler(options, new RequestPacer(time, options.RequestsPerMinute), time, logger) { InnerHandler = network };
        if (options.MaxTokensField == "max_tokens")
        {
            handler = new TokenLimitFieldHandler { InnerHandler = handler };
        }
        var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        IChatClient client = ChatClientFactory.Create(options, http, apiKey);
        // The answers of the two modes come from different prompts, so they are cached apart.
        var version = options.ResponseFormat == ResponseModes.JsonInText ? $"{prompt.Version}+json-in-text" : prompt.Version;
        return new ChatRewriter(client, new RewriteConversation(prompt, options.ResponseFormat), ChatClientFactory.ChatOptionsFor(options), options.Model!, version);
    }
}
