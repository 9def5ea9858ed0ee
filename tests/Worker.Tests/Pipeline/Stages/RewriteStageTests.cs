using Crawler.Rewrite;
using Crawler.Rewrite.Rules;
using Crawler.TestSupport;
using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Pipeline;
using Dapper;
using Microsoft.AspNetCore.Http;

namespace Crawler.Worker.Tests.Pipeline.Stages;

public sealed class RewriteStageTests
{
    private const string Answer = """{"instruction":"Remove the orange box.","edit_type":"remove_object","status":"ok","reason":""}""";

    [Fact]
    public async Task Run_HoldsConcurrencyAndRequestsPerMinute_UnderABurstOf500PendingRows()
    {
        await using var rig = await RewriteRig.StartAsync();
        await using var server = await ChatCompletionsServer.StartAsync(rig.Time, ChatCompletionsServer.After(TimeSpan.FromSeconds(3), c => ChatCompletionsServer.Reply(c, 200, ChatCompletionsServer.Completion(Answer).ToJsonString())));
        for (var i = 0; i < 500; i++)
        {
            await rig.AddPairAsync($"t{i:000}", $"Please remove the orange box number {i}");
        }
        var options = new RewriteOptions { MaxConcurrency = 4, RequestsPerMinute = 120, TimeoutSeconds = 60 };
        var stage = rig.Stage(rig.ChatRewriter(server, options), options);

        var summary = await rig.RunAsync(stage, () => server.Progress, stepSeconds: 0.5);

        Assert.Equal(500, summary.Done);
        Assert.Equal(500, server.Requests.Count);
        // Each answer takes 3 s and starts are 0.5 s apart, so 6 would overlap without the cap of 4.
        Assert.Equal(4, server.MaxInFlight);
        var starts = server.Requests.Select(r => r.At).Order().ToList();
        var busiestMinute = starts.Max(s => starts.Count(t => t >= s && t < s + TimeSpan.FromMinutes(1)));
        Assert.True(busiestMinute <= 120, $"{busiestMinute} requests started within one minute");
        Assert.True(starts[^1] - starts[0] >= TimeSpan.FromSeconds(499 * 0.5), $"500 starts took {starts[^1] - starts[0]}");
        await using var connection = await rig.Catalog.Db.OpenAsync(CancellationToken.None);
        Assert.Equal(500, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM rewrites WHERE status = 'ok' AND model = 'test-model' AND prompt_version = 'rewrite-test'"));
    }

    [Fact]
    public async Task Run_CostsNoCall_ForInputsAlreadyAnswered()
    {
        await using var rig = await RewriteRig.StartAsync();
        await using var server = await ChatCompletionsServer.StartAsync(rig.Time, c => ChatCompletionsServer.Reply(c, 200, ChatCompletionsServer.Completion(Answer).ToJsonString()));
        var options = new RewriteOptions();
        var stage = rig.Stage(rig.ChatRewriter(server, options), options);
        var first = await rig.AddPairAsync("t1", "Please remove the orange box");
        await rig.AddPairAsync("t2", "Please remove the blue ball");
        await rig.RunAsync(stage, () => server.Progress);

        await rig.Queue.EnqueueAsync(StageNames.Rewrite, [(first, first)]);
        var twin = await rig.AddPairAsync("t3", "Please remove the orange box");
        var summary = await rig.RunAsync(stage, () => server.Progress);

        Assert.Equal(2, summary.Done);
        Assert.Equal(2, server.Requests.Count);
        var copied = await rig.Rewrites.GetAsync(twin, CancellationToken.None);
        Assert.Equal(("Remove the orange box.", RewriteStatus.Ok, "test-model"), (copied!.Instruction, copied.Status, copied.Model));
    }

    [Fact]
    public async Task Run_SendsTheTitleBodyAndDownscaledImages_ToTheModel()
    {
        await using var rig = await RewriteRig.StartAsync();
        await using var server = await ChatCompletionsServer.StartAsync(rig.Time, c => ChatCompletionsServer.Reply(c, 200, ChatCompletionsServer.Completion(Answer).ToJsonString()));
        var options = new RewriteOptions { ImageMaxSide = 200 };
        await rig.AddPairAsync("t1", "[Paid] Remove the box\n\nCan someone remove the orange box?\n\nThe one on the left", "[Paid] Remove the box", "Can someone remove the orange box?");

        await rig.RunAsync(rig.Stage(rig.ChatRewriter(server, options), options), () => server.Progress);

        var parts = Assert.Single(server.Requests).Body.GetProperty("messages")[1].GetProperty("content");
        Assert.Equal(
            "Request title: [Paid] Remove the box\nRequest body: Can someone remove the orange box?\nRequester's clarification: The one on the left\nEditor's reply: Here you go!",
            parts[0].GetProperty("text").GetString()!.ReplaceLineEndings("\n"));
        var url = parts[2].GetProperty("image_url").GetProperty("url").GetString()!;
        Assert.StartsWith("data:image/jpeg;base64,", url, StringComparison.Ordinal);
        using var sent = NetVips.Image.NewFromBuffer(Convert.FromBase64String(url["data:image/jpeg;base64,".Length..]));
        Assert.Equal((200, 150), (sent.Width, sent.Height));
    }

    [Fact]
    public async Task Run_RecordsFailed_WhenTheEndpointStaysDown_ButKeepsAnEarlierOkInstruction()
    {
        await using var rig = await RewriteRig.StartAsync();
        await using var server = await ChatCompletionsServer.StartAsync(rig.Time);
        var options = new RewriteOptions { MaxRetries = 0 };
        var fresh = await rig.AddPairAsync("t1", "Please remove the orange box");
        var rewritten = await rig.AddPairAsync("t2", "Please remove the blue ball");
        await rig.Rewrites.PutAsync(new RewriteRow { PairId = rewritten, InputsHash = "old", Model = "rules", PromptVersion = "rules-v1", Instruction = "Remove the blue ball.", EditType = EditTypes.RemoveObject, Status = RewriteStatus.Ok }, CancellationToken.None);

        var summary = await rig.RunAsync(rig.Stage(rig.ChatRewriter(server, options), options), () => server.Progress, maxAttempts: 1);

        Assert.Equal(2, summary.Failed);
        var failed = await rig.Rewrites.GetAsync(fresh, CancellationToken.None);
        Assert.Equal((RewriteStatus.Failed, "gave up after 1 attempts: HTTP 500 Internal Server Error"), (failed!.Status, failed.Reason));
        var kept = await rig.Rewrites.GetAsync(rewritten, CancellationToken.None);
        Assert.Equal((RewriteStatus.Ok, "Remove the blue ball.", "rules"), (kept!.Status, kept.Instruction, kept.Model));
    }

    [Fact]
    public async Task Run_WritesRulesRows_WithTheTitleAndBodySaidOnce_WhenNoEndpointIsSet()
    {
        await using var rig = await RewriteRig.StartAsync();
        var pair = await rig.AddPairAsync("t1", "[Paid] Remove the orange box please\n\nHi all! Can someone please remove the orange box on the left? Will tip $5, thanks in advance!!",
            "[Paid] Remove the orange box please", "Hi all! Can someone please remove the orange box on the left? Will tip $5, thanks in advance!!");

        await rig.RunAsync(rig.Stage(new RulesRewriter()), () => 0);

        var row = await rig.Rewrites.GetAsync(pair, CancellationToken.None);
        Assert.Equal(("Remove the orange box on the left.", EditTypes.RemoveObject, RewriteStatus.Ok, "rules", "rules-v2"),
            (row!.Instruction, row.EditType, row.Status, row.Model, row.PromptVersion));
    }

    [Fact]
    public async Task Run_DescribesABattlePair_WithTheDescribeEditPrompt_AndRequestsWithTheirOwn()
    {
        await using var rig = await RewriteRig.StartAsync();
        await using var server = await ChatCompletionsServer.StartAsync(rig.Time, c => ChatCompletionsServer.Reply(c, 200, ChatCompletionsServer.Completion(Answer).ToJsonString()));
        var options = new RewriteOptions();
        var battle = await rig.AddPairAsync("b1", "", kind: Core.Domain.PairKind.Battle);
        var request = await rig.AddPairAsync("t1", "Please remove the orange box");

        await rig.RunAsync(rig.Stage(rig.ChatRewriters(server, options), options), () => server.Progress);

        var describeEdit = File.ReadAllText(Path.Combine(RepoPaths.Root, "config", "prompts", "describe-edit-v1.md")).Trim();
        var systems = server.Requests.Select(r => r.Body.GetProperty("messages")[0].GetProperty("content").GetString()).ToList();
        Assert.Equal(2, systems.Count);
        Assert.Contains(describeEdit, systems);
        Assert.Contains("Rewrite the request.", systems);
        Assert.Equal(("describe-edit-v1", RewriteStatus.Ok), await Stored(rig, battle));
        Assert.Equal(("rewrite-test", RewriteStatus.Ok), await Stored(rig, request));
    }

    [Fact]
    public async Task Run_MarksABattlePairNeedsModel_WhenNoEndpointIsSet()
    {
        await using var rig = await RewriteRig.StartAsync();
        var battle = await rig.AddPairAsync("b1", "", kind: Core.Domain.PairKind.Battle);

        await rig.RunAsync(rig.Stage(new RulesRewriter()), () => 0);

        var row = await rig.Rewrites.GetAsync(battle, CancellationToken.None);
        Assert.Equal(("", RewriteStatus.NeedsModel, NeedsModelRewriter.Reason, "rules"), (row!.Instruction, row.Status, row.Reason, row.Model));
    }

    private static async Task<(string, string)> Stored(RewriteRig rig, string pairId)
    {
        var row = await rig.Rewrites.GetAsync(pairId, CancellationToken.None);
        return (row!.PromptVersion, row.Status);
    }
}
