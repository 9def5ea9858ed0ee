using System.Text.Json;
using Crawler.TestSupport;

namespace Crawler.EndToEnd.Tests;

public sealed class OptOutVerbTests
{
    [Fact]
    public async Task OptOut_ThenExport_LeavesTheUsersPairsOut_ListsThemRemoved_AndKeepsEveryoneElses()
    {
        using var dir = new TempDir();
        var first = await DemoSnapshot.RunAsync(dir.Path, threads: 8);
        var before = DemoSnapshot.Contents(first).Select(r => (string)r["id"]!).ToList();
        var user = (string)Catalog.Query(dir.Path, $"SELECT editor FROM pairs WHERE pair_id = '{before[0]}'")[0]["editor"]!;
        var theirs = Catalog.Query(dir.Path, $"""
            SELECT p.pair_id FROM pairs p JOIN threads t ON t.site = p.site AND t.thread_id = p.thread_id
            WHERE lower(p.editor) = lower('{user}') OR lower(t.author) = lower('{user}')
            """).Select(r => (string)r["pair_id"]!).Intersect(before).Order(StringComparer.Ordinal).ToList();
        var names = Path.Combine(dir.Path, "optout.txt");
        await File.WriteAllLinesAsync(names, ["# asked by mail", user.ToUpperInvariant(), "not a name!"]);

        var optout = await CrawlerProcess.RunAsync(["optout", "--data-dir", dir.Path, "--file", names], DemoSnapshot.Timeout, DemoSnapshot.FixedSalt);
        var export = await CrawlerProcess.RunAsync(["export", "--data-dir", dir.Path], DemoSnapshot.Timeout, DemoSnapshot.FixedSalt);

        Assert.True(optout.ExitCode == 0, $"optout exited with {optout.ExitCode}. stderr:\n{optout.Stderr}");
        Assert.StartsWith("1 users opted out: ", optout.Stdout, StringComparison.Ordinal);
        Assert.Contains("skipped line 3: 'not a name!' is not a user name", optout.Stderr, StringComparison.Ordinal);
        var second = export.Stdout.TrimEnd().Split('\n')[^1].Trim();
        Assert.Equal(before.Except(theirs), DemoSnapshot.Contents(second).Select(r => (string)r["id"]!));
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(second, "manifest.json")));
        Assert.Equal(theirs, manifest.RootElement.GetProperty("removed_ids").EnumerateArray().Select(e => e.GetString()!));
        Assert.Empty(Catalog.Query(dir.Path, $"SELECT 1 FROM replies WHERE lower(author) = lower('{user}') UNION ALL SELECT 1 FROM threads WHERE lower(author) = lower('{user}')"));
    }
}
