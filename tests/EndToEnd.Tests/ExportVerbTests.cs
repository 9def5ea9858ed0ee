using System.Text.Json;
using Crawler.TestSupport;

namespace Crawler.EndToEnd.Tests;

public sealed class ExportVerbTests
{
    [Fact]
    public async Task Export_PublishesANewSnapshotWithoutTheDeletedThread_ListingItsIdsAsRemoved()
    {
        using var dir = new TempDir();
        var first = await DemoSnapshot.RunAsync(dir.Path, threads: 8);
        var before = DemoSnapshot.Contents(first).Select(r => (string)r["id"]!).ToList();
        var thread = before[0].Split(':')[1];
        await File.WriteAllLinesAsync(Path.Combine(dir.Path, "deletions.jsonl"), [$$"""{"site": "reddit", "thread": "{{thread}}"}""", "{oops"]);
        var environment = new Dictionary<string, string>(DemoSnapshot.FixedSalt) { ["CRAWLER_Export__DeletionsFile"] = "deletions.jsonl" };

        var process = await CrawlerProcess.RunAsync(["export", "--data-dir", dir.Path], DemoSnapshot.Timeout, environment);

        Assert.True(process.ExitCode == 0, $"export exited with {process.ExitCode}. stderr:\n{process.Stderr}");
        var second = process.Stdout.TrimEnd().Split('\n')[^1].Trim();
        Assert.Equal(second, Path.GetFullPath(Path.Combine(dir.Path, "snapshots", "latest", "..", new DirectoryInfo(Path.Combine(dir.Path, "snapshots", "latest")).LinkTarget!)));
        var removed = before.Where(id => id.Split(':')[1] == thread).ToList();
        Assert.Equal(before.Except(removed), DemoSnapshot.Contents(second).Select(r => (string)r["id"]!));
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(second, "manifest.json")));
        Assert.Equal(Path.GetFileName(first), manifest.RootElement.GetProperty("previous_snapshot").GetString());
        Assert.Equal(removed, manifest.RootElement.GetProperty("removed_ids").EnumerateArray().Select(e => e.GetString()!));
        Assert.Contains("line 2 refused: not JSON", process.Stderr, StringComparison.Ordinal);
    }
}
