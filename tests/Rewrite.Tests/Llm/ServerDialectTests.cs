using System.Text.Json;
using System.Text.Json.Nodes;
using Crawler.Rewrite.Llm;
using Crawler.TestSupport;

namespace Crawler.Rewrite.Tests.Llm;

/// <summary>The same answer as OpenAI, vLLM, Ollama and llama.cpp servers shape it (see Fixtures/servers/README.md).</summary>
public sealed class ServerDialectTests
{
    [Theory]
    [InlineData("openai.json")]
    [InlineData("vllm.json")]
    [InlineData("ollama.json")]
    [InlineData("llamacpp.json")]
    public async Task RewriteAsync_ReadsTheAnswer_InEachServersShape(string fixture)
    {
        await using var rig = await LlmRig.StartAsync();
        var body = await File.ReadAllTextAsync(RepoPaths.OwnFixture("servers", fixture));
        rig.Server.Then(c => ChatCompletionsServer.Reply(c, 200, body));

        Assert.Equal(LlmRig.ValidResult, await rig.RewriteAsync());
    }

    [Theory]
    [InlineData("openai_429", typeof(LlmUnavailableException), "HTTP 429 Too Many Requests")]
    [InlineData("openai_500", typeof(LlmUnavailableException), "HTTP 500 Internal Server Error")]
    [InlineData("llamacpp_503", typeof(LlmUnavailableException), "HTTP 503 Service Unavailable")]
    [InlineData("ollama_404", typeof(LlmUnavailableException), "the endpoint answered HTTP 404: ")]
    [InlineData("vllm_400", typeof(LlmRequestRejectedException), "the endpoint refused the request: HTTP 400: ")]
    public async Task RewriteAsync_EndsAsDocumented_ForEachServersErrors(string name, Type expected, string messageStart)
    {
        await using var rig = await LlmRig.StartAsync(LlmRig.Options(o => o.MaxRetries = 0));
        var error = JsonNode.Parse(await File.ReadAllTextAsync(RepoPaths.OwnFixture("servers", "errors.json")))![name]!;
        var headers = error["headers"]!.AsObject().Select(h => (h.Key, h.Value!.GetValue<string>())).ToArray();
        rig.Server.Then(ChatCompletionsServer.Status(error["status"]!.GetValue<int>(), error["body"]!.ToJsonString(), headers));

        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => rig.RewriteAsync());

        Assert.Equal(expected, thrown.GetType());
        Assert.StartsWith(messageStart, thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_IsStrict_SoEveryServerConstrainsTheSameFields()
    {
        var schema = RewriteSchema.Schema;

        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal(["instruction", "edit_type", "status", "reason"], schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Object, schema.GetProperty("properties").ValueKind);
    }
}
