using System.Text.Json;
using Crawler.Rewrite.Llm;
using Crawler.TestSupport;
using Microsoft.AspNetCore.Http;

namespace Crawler.Rewrite.Tests.Llm;

/// <summary>The real HTTP client against a loopback server that speaks the chat-completions protocol.</summary>
public sealed class ChatRewriterHttpTests
{
    [Fact]
    public async Task RewriteAsync_SendsTheRequestPartsBothImagesAndTheSchema_AsChatCompletions()
    {
        await using var rig = await LlmRig.StartAsync();
        rig.Server.Then(ChatCompletionsServer.Content(LlmRig.ValidAnswer));

        var result = await rig.RewriteAsync();

        Assert.Equal(LlmRig.ValidResult, result);
        var request = Assert.Single(rig.Server.Requests);
        Assert.Equal("Bearer sk-test", request.Authorization);
        var body = request.Body;
        Assert.Equal("test-model", body.GetProperty("model").GetString());
        Assert.Equal(0, body.GetProperty("temperature").GetDouble());
        var messages = body.GetProperty("messages");
        Assert.Equal("system", messages[0].GetProperty("role").GetString());
        Assert.StartsWith("You turn photo-edit requests", messages[0].GetProperty("content").GetString(), StringComparison.Ordinal);
        var parts = messages[1].GetProperty("content").EnumerateArray().ToList();
        Assert.Equal(["text", "text", "image_url", "text", "image_url"], parts.Select(p => p.GetProperty("type").GetString()));
        Assert.Equal(
            "Request title: Remove my ex please\nRequest body: Can someone remove my ex from this pic? Will tip $5\nRequester's clarification: The one on the left\nEditor's reply: Here you go! Removed him.",
            parts[0].GetProperty("text").GetString()!.ReplaceLineEndings("\n"));
        Assert.Equal("data:image/jpeg;base64,/9j/AQ==", parts[2].GetProperty("image_url").GetProperty("url").GetString());
        Assert.Equal("data:image/jpeg;base64,/9j/Ag==", parts[4].GetProperty("image_url").GetProperty("url").GetString());
        var format = body.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.Equal(RewriteSchema.Name, format.GetProperty("json_schema").GetProperty("name").GetString());
        var schema = format.GetProperty("json_schema").GetProperty("schema");
        Assert.Equal(EditTypes.All, schema.GetProperty("properties").GetProperty("edit_type").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(RewriteStatus.All, schema.GetProperty("properties").GetProperty("status").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("max_completion_tokens", "max_tokens")]
    [InlineData("max_tokens", "max_completion_tokens")]
    public async Task RewriteAsync_CapsTheAnswer_InTheFieldTheServerReads(string field, string absent)
    {
        await using var rig = await LlmRig.StartAsync(LlmRig.Options(o => (o.MaxTokensField, o.MaxOutputTokens) = (field, 300)));
        rig.Server.Then(ChatCompletionsServer.Content(LlmRig.ValidAnswer));

        Assert.Equal(LlmRig.ValidResult, await rig.RewriteAsync());

        var body = Assert.Single(rig.Server.Requests).Body;
        Assert.Equal(300, body.GetProperty(field).GetInt32());
        Assert.False(body.TryGetProperty(absent, out _));
        Assert.Equal("test-model", body.GetProperty("model").GetString());
    }

    [Fact]
    public async Task RewriteAsync_WaitsOutRetryAfter_WhenTheServerAnswers429()
    {
        await using var rig = await LlmRig.StartAsync();
        rig.Server.Then(ChatCompletionsServer.Status(429, """{"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}}""", ("Retry-After", "7")));
        rig.Server.Then(ChatCompletionsServer.Content(LlmRig.ValidAnswer));

        var result = await rig.RewriteAsync();

        Assert.Equal(LlmRig.ValidResult, result);
        var requests = rig.Server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(7), $"retried after {requests[1].At - requests[0].At}");
    }

    [Fact]
    public async Task RewriteAsync_Throws_WhenRetryAfterIsLongerThanAllowed()
    {
        await using var rig = await LlmRig.StartAsync(LlmRig.Options(o => o.MaxRetryAfterSeconds = 60));
        rig.Server.Then(ChatCompletionsServer.Status(429, "{}", ("Retry-After", "3600")));

        var error = await Assert.ThrowsAsync<LlmUnavailableException>(() => rig.RewriteAsync());

        Assert.Equal("HTTP 429 Too Many Requests; the server asks to wait 3600 s, more than Rewrite:MaxRetryAfterSeconds", error.Message);
        Assert.Single(rig.Server.Requests);
    }

    [Fact]
    public async Task RewriteAsync_RetriesA500_WithBackoff_ThenSucceeds()
    {
        await using var rig = await LlmRig.StartAsync(LlmRig.Options(o => o.RetryDelaySeconds = 5));
        rig.Server.Then(ChatCompletionsServer.Status(500, """{"error":{"message":"The server had an error","type":"server_error"}}"""));
        rig.Server.Then(ChatCompletionsServer.Content(LlmRig.ValidAnswer));

        var result = await rig.RewriteAsync();

        Assert.Equal(LlmRig.ValidResult, result);
        var requests = rig.Server.Requests;
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task RewriteAsync_ThrowsUnavailable_AfterTheLastRetryOfA500()
    {
        await using var rig = await LlmRig.StartAsync(LlmRig.Options(o => o.MaxRetries = 2));

        var error = await Assert.ThrowsAsync<LlmUnavailableException>(() => rig.RewriteAsync());

        Assert.Equal("HTTP 500 Internal Server Error, 3 attempts in a row", error.Message);
        Assert.Equal(3, rig.Server.Requests.Count);
    }

    [Fact]
    public async Task RewriteAsync_AsksOnceMoreWithTheError_WhenTheContentIsMalformedJson()
    {
        await using var rig = await LlmRig.StartAsync();
        const string truncated = """{"instruction":"Remove the man on the left.","edit_type":"remove_obj""";
        rig.Server.Then(ChatCompletionsServer.Content(truncated));
        rig.Server.Then(ChatCompletionsServer.Content(LlmRig.ValidAnswer));

        var result = await rig.RewriteAsync();

        Assert.Equal(LlmRig.ValidResult, result);
        var retry = rig.Server.Requests[1].Body.GetProperty("messages");
        Assert.Equal(4, retry.GetArrayLength());
        Assert.Equal(("assistant", truncated), (retry[2].GetProperty("role").GetString(), retry[2].GetProperty("content").GetString()));
        Assert.Equal("user", retry[3].GetProperty("role").GetString());
        Assert.Equal("That answer is invalid: the answer holds no JSON object. Reply again with only the corrected JSON object.", retry[3].GetProperty("content").GetString());
    }

    [Fact]
    public async Task RewriteAsync_RecordsFailed_WhenTheAnswerIsInvalidTwice()
    {
        await using var rig = await LlmRig.StartAsync();
        rig.Server.Then(ChatCompletionsServer.Content("""{"instruction":"Remove the man.","edit_type":"removal","status":"ok","reason":""}"""));
        rig.Server.Then(ChatCompletionsServer.Content("Sure! Here is the instruction: Remove the man."));

        var result = await rig.RewriteAsync();

        Assert.Equal(RewriteStatus.Failed, result.Status);
        Assert.Equal("", result.Instruction);
        Assert.Equal(
            "invalid answer twice: \"edit_type\" is \"removal\", not one of remove_object, add_object, replace, background, colour_tone, restore_repair, retouch, text, style, crop_compose, other; then the answer holds no JSON object",
            result.Reason);
        Assert.Equal(2, rig.Server.Requests.Count);
    }

    [Fact]
    public async Task RewriteAsync_AbandonsAnAnswerSlowerThanTheTimeout_AndRetriesIt()
    {
        await using var rig = await LlmRig.StartAsync(LlmRig.Options(o => o.MaxRetries = 1));
        rig.Server.Then(ChatCompletionsServer.Silence());
        rig.Server.Then(ChatCompletionsServer.Silence());

        var error = await Assert.ThrowsAsync<LlmUnavailableException>(() => rig.RewriteAsync());

        Assert.Equal("no answer within 30 s, 2 attempts in a row", error.Message);
        var requests = rig.Server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task RewriteAsync_TimesOut_WhenTheServerStallsInTheMiddleOfTheBody()
    {
        await using var rig = await LlmRig.StartAsync(LlmRig.Options(o => o.MaxRetries = 0));
        rig.Server.Then(async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"id\":\"chatcmpl-1\",\"choices\":[");
            await context.Response.Body.FlushAsync();
            await ChatCompletionsServer.Silence()(context);
        });

        var error = await Assert.ThrowsAsync<LlmUnavailableException>(() => rig.RewriteAsync());

        Assert.Equal("no answer within 30 s", error.Message);
    }

    [Fact]
    public async Task RewriteAsync_SucceedsOnRetry_WhenOnlyTheFirstAnswerIsTooSlow()
    {
        await using var rig = await LlmRig.StartAsync();
        rig.Server.Then(ChatCompletionsServer.Silence());
        rig.Server.Then(ChatCompletionsServer.Content(LlmRig.ValidAnswer));

        Assert.Equal(LlmRig.ValidResult, await rig.RewriteAsync());
    }

    [Fact]
    public async Task RewriteAsync_ThrowsRejected_WhenTheServerRefusesTheRequest()
    {
        await using var rig = await LlmRig.StartAsync();
        rig.Server.Then(ChatCompletionsServer.Status(400, """{"object":"error","message":"maximum context length is 32768 tokens","type":"BadRequestError","param":null,"code":400}"""));

        var error = await Assert.ThrowsAsync<LlmRequestRejectedException>(() => rig.RewriteAsync());

        Assert.StartsWith("the endpoint refused the request: HTTP 400", error.Message, StringComparison.Ordinal);
        Assert.Single(rig.Server.Requests);
    }

    [Fact]
    public async Task RewriteAsync_SpellsOutTheSchemaInThePrompt_InJsonInTextMode()
    {
        await using var rig = await LlmRig.StartAsync(LlmRig.Options(o => o.ResponseFormat = ResponseModes.JsonInText));
        rig.Server.Then(ChatCompletionsServer.Content("```json\n" + LlmRig.ValidAnswer + "\n```"));

        var result = await rig.RewriteAsync();

        Assert.Equal(LlmRig.ValidResult, result);
        Assert.Equal("rewrite-v1+json-in-text", rig.Rewriter.PromptVersion);
        var body = Assert.Single(rig.Server.Requests).Body;
        Assert.False(body.TryGetProperty("response_format", out _));
        Assert.EndsWith(JsonSerializer.Serialize(RewriteSchema.Schema), body.GetProperty("messages")[0].GetProperty("content").GetString(), StringComparison.Ordinal);
    }
}
