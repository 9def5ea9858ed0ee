using Crawler.TestSupport;
using Microsoft.AspNetCore.Http;

namespace Crawler.EndToEnd.Tests;

/// <summary>The real executable rewriting through a configured chat-completions endpoint on loopback.</summary>
public sealed class RewriteTests
{
    private const string Model = "e2e-vision-model";
    private const string Removal = """{"instruction":"Remove the object on the left.","edit_type":"remove_object","status":"ok","reason":""}""";
    private const string NotAnEdit = """{"instruction":"","edit_type":"other","status":"not_an_edit","reason":"The sky request is treated as not an edit by this test model."}""";

    [Fact]
    public async Task Demo_ExportsTheModelsInstructions_AndKeepsItsNonOkRowsOutOfTheSnapshot()
    {
        using var dir = new TempDir();
        await using var server = await ChatCompletionsServer.StartAsync(TimeProvider.System, Answer);
        var environment = new Dictionary<string, string>(DemoSnapshot.FixedSalt)
        {
            ["CRAWLER_Rewrite__Endpoint"] = server.Endpoint.ToString(),
            ["CRAWLER_Rewrite__Model"] = Model,
            ["CRAWLER_Rewrite__RequestsPerMinute"] = "6000",
            ["CRAWLER_REWRITE_API_KEY"] = "sk-e2e",
        };

        var process = await CrawlerProcess.RunAsync(["demo", "--data-dir", dir.Path, "--threads", "8"], DemoSnapshot.Timeout, environment);

        Assert.True(process.ExitCode == 0, $"demo exited with {process.ExitCode}. stderr:\n{process.Stderr}");
        var rewrites = Catalog.Query(dir.Path, "SELECT pair_id, model, prompt_version, status, instruction FROM rewrites ORDER BY pair_id");
        Assert.Equal(8, rewrites.Count);
        Assert.Equal(rewrites.Count, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("Bearer sk-e2e", r.Authorization));
        Assert.All(rewrites, r => Assert.Equal((Model, "rewrite-v1"), ((string)r["model"]!, (string)r["prompt_version"]!)));
        var skipped = rewrites.Where(r => (string)r["status"]! == "not_an_edit").Select(r => (string)r["pair_id"]!).ToList();
        Assert.NotEmpty(skipped);
        var snapshot = process.Stdout.TrimEnd().Split('\n')[^1].Trim();
        var rows = DemoSnapshot.Contents(snapshot);
        Assert.Equal(rewrites.Count - skipped.Count, rows.Count);
        Assert.Empty(rows.Select(r => (string)r["id"]!).Intersect(skipped));
        Assert.All(rows, r => Assert.Equal(("Remove the object on the left.", Model), ((string)r["instruction"]!, (string)r["rewrite_model"]!)));
    }

    // The demo's sunset requests get not_an_edit, everything else one fixed instruction.
    private static Task Answer(HttpContext context)
    {
        var text = ChatCompletionsServer.RequestOf(context).Body.GetProperty("messages")[1].GetProperty("content")[0].GetProperty("text").GetString()!;
        var content = text.Contains("sunset", StringComparison.Ordinal) ? NotAnEdit : Removal;
        return ChatCompletionsServer.Reply(context, 200, ChatCompletionsServer.Completion(content).ToJsonString());
    }
}
