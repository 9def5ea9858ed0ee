using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Crawler.Rewrite.Llm;

/// <summary>Wires a <see cref="ChatRewriter"/>: pacing, concurrency, timeout and retries around the HTTP handler, the SDK client on top.</summary>
public static class ChatRewriterBuilder
{
    /// <param name="network">The handler that reaches the endpoint (a <see cref="SocketsHttpHandler"/> in service).</param>
    public static ChatRewriter Build(RewriteOptions options, TimeProvider time, PromptFile prompt, string? apiKey, HttpMessageHandler network, ILogger logger) =>
        Rewriter(options, Client(options, time, apiKey, network, logger), prompt);

    /// <summary>
    /// The request and battle rewriters over one client, so the two prompts share the endpoint's pacing and
    /// concurrency limits, which are the process's, not each prompt's.
    /// </summary>
    public static InstructionRewriters BuildBoth(RewriteOptions options, TimeProvider time, PromptFile requestPrompt, PromptFile battlePrompt,
        string? apiKey, HttpMessageHandler network, ILogger logger)
    {
        var client = Client(options, time, apiKey, network, logger);
        return new InstructionRewriters(Rewriter(options, client, requestPrompt), Rewriter(options, client, battlePrompt));
    }

    private static IChatClient Client(RewriteOptions options, TimeProvider time, string? apiKey, HttpMessageHandler network, ILogger logger)
    {
        HttpMessageHandler handler = new ThrottlingHandler(options, new RequestPacer(time, options.RequestsPerMinute), time, logger) { InnerHandler = network };
        if (options.MaxTokensField == "max_tokens")
        {
            handler = new TokenLimitFieldHandler { InnerHandler = handler };
        }
        var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        return ChatClientFactory.Create(options, http, apiKey);
    }

    private static ChatRewriter Rewriter(RewriteOptions options, IChatClient client, PromptFile prompt)
    {
        // The answers of the two modes come from different prompts, so they are cached apart.
        var version = options.ResponseFormat == ResponseModes.JsonInText ? $"{prompt.Version}+json-in-text" : prompt.Version;
        return new ChatRewriter(client, new RewriteConversation(prompt, options.ResponseFormat), ChatClientFactory.ChatOptionsFor(options), options.Model!, version);
    }
}
