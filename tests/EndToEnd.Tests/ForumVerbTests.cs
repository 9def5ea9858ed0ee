using System.Text.Json;
using Crawler.TestSupport;

namespace Crawler.EndToEnd.Tests;

/// <summary>The <c>parse</c> verb of the real executable with forum site files.</summary>
public sealed class ForumVerbTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static string Fixture(string name) => Path.Combine(RepoPaths.Root, "tests", "Parsers.Tests", "Forums", "Fixtures", name);

    [Fact]
    public async Task Parse_XenforoSite_PrintsTheThreadWithItsImagesAndTheNextPage()
    {
        var process = await CrawlerProcess.RunAsync(
            ["parse", "--site", "xenforo", "--file", Fixture("xenforo2_images_thread.html"), "--url", "https://forum.example/forum/threads/remove-the-lamp-post.4242/"], Timeout);

        Assert.Equal(0, process.ExitCode);
        using var json = JsonDocument.Parse(process.Stdout);
        var thread = Assert.Single(json.RootElement.GetProperty("threads").EnumerateArray());
        Assert.Equal("4242", thread.GetProperty("id").GetString());
        Assert.Equal(3, thread.GetProperty("images").GetArrayLength());
        Assert.Equal("https://forum.example/forum/threads/remove-the-lamp-post.4242/page-2", json.RootElement.GetProperty("next").GetString());
    }

    [Fact]
    public async Task Parse_SiteFilePath_UsesThatFile()
    {
        using var dir = new TempDir();
        var site = Path.Combine(dir.Path, "example.json");
        File.Copy(Path.Combine(RepoPaths.Root, "config", "sites", "xenforo2.json"), site);

        var process = await CrawlerProcess.RunAsync(
            ["parse", "--site", site, "--file", Fixture("xenforo2_listing.html"), "--url", "https://forum.example/forum/forums/photo-requests.12/"], Timeout);

        Assert.Equal(0, process.ExitCode);
        using var json = JsonDocument.Parse(process.Stdout);
        Assert.Equal(2, json.RootElement.GetProperty("threads").GetArrayLength());
    }

    [Fact]
    public async Task Parse_BadSiteFile_ExitsOneWithItsLines()
    {
        using var dir = new TempDir();
        var site = Path.Combine(dir.Path, "broken.json");
        File.WriteAllText(site, """{ "extends": "missing", "colour": "red" }""");

        var process = await CrawlerProcess.RunAsync(["parse", "--site", site, "--file", Fixture("xenforo2_listing.html")], Timeout);

        Assert.Equal(1, process.ExitCode);
        Assert.Equal("", process.Stdout);
        Assert.Equal(
            ["broken.json: colour: unknown key", "broken.json: extends: no preset 'missing' (missing.json) in the same folder"],
            process.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
