using System.Text.Json.Nodes;

namespace Crawler.Rewrite.Llm;

/// <summary>
/// Renames the SDK's <c>max_completion_tokens</c> to the older <c>max_tokens</c> in the request body. OpenAI's
/// newer models accept only the former; Ollama's and llama.cpp's compatibility layers read only the latter and
/// ignore the other, leaving the answer uncapped.
/// </summary>
public sealed class TokenLimitFieldHandler : DelegatingHandler
{
    private const string Current = "max_completion_tokens";
    private const string Legacy = "max_tokens";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content && JsonNode.Parse(await content.ReadAsStringAsync(cancellationToken)) is JsonObject body
            && body.Remove(Current, out var limit))
        {
            body[Legacy] = limit;
            var replaced = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
            request.Content = replaced;
            content.Dispose();
        }
        return await base.SendAsync(request, cancellationToken);
    }
}
