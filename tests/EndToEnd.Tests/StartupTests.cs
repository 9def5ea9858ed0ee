using System.Net;
using System.Net.Sockets;
using Crawler.TestSupport;

namespace Crawler.EndToEnd.Tests;

/// <summary>
/// Every kind of bad option stops the service before it starts: exit code 2, one line on standard error naming
/// the option, nothing on standard output (no log line, no "Hosting failed to start" trace).
/// </summary>
public sealed class StartupTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("cron", "--Export:Cron=every six hours", "Export:Cron: 'every six hours' is not a cron expression")]
    [InlineData("cron", "--Pipeline:Schedules:dedup=61 * * * *", "Pipeline:Schedules:dedup: '61 * * * *' is not a cron expression")]
    [InlineData("stage", "--Pipeline:Schedules:dedupe=* * * * *", "Pipeline:Schedules:dedupe: no stage has this name")]
    [InlineData("url", "--urls=notaurl", "Urls: 'notaurl' is not an address to listen on")]
    [InlineData("url", "--urls=ftp://127.0.0.1:21", "Urls: 'ftp://127.0.0.1:21' is not an address to listen on")]
    [InlineData("number", "--Fetch:MaxRetries=lots", "'lots' at 'Fetch:MaxRetries'")]
    [InlineData("number", "--Export:Keep=0", "Export:Keep: The field Keep must be between 1 and 1000.")]
    [InlineData("enum", "--Images:Animated=Sometimes", "'Sometimes' at 'Images:Animated'")]
    [InlineData("source", "--Sources:3:Enabled=true", "Sources:3:Communities: an enabled source names at least one community")]
    [InlineData("unknown flag", "--bogus-flag", "unknown option '--bogus-flag'")]
    [InlineData("unknown flag", "--Exprot:Keep=3", "unknown option '--Exprot:Keep=3'")]
    public async Task Service_StopsAtStart_WithOneLineNamingTheOption(string kind, string option, string expected)
    {
        using var dir = new TempDir();

        var process = await CrawlerProcess.RunAsync(["--data-dir", dir.Path, "--urls", $"http://127.0.0.1:{FreePort.Next()}", option], Timeout);

        AssertOneLine(process, expected, kind);
    }

    [Fact]
    public async Task Service_StopsAtStart_WhenItsPortIsInUse()
    {
        using var dir = new TempDir();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var process = await CrawlerProcess.RunAsync(["--data-dir", dir.Path, "--urls", $"http://127.0.0.1:{port}"], Timeout);

        AssertOneLine(process, $"Urls: cannot listen on http://127.0.0.1:{port}: the port is in use by another process", "port in use");
        Assert.False(File.Exists(Path.Combine(dir.Path, "catalog.db")), "nothing is written before the checks pass");
    }

    [Fact]
    public async Task Demo_RefusesAnUnknownFlag_WithOneLine()
    {
        using var dir = new TempDir();

        var process = await CrawlerProcess.RunAsync(["demo", "--data-dir", dir.Path, "--bogus-flag"], Timeout);

        AssertOneLine(process, "crawler demo: unknown option or argument '--bogus-flag'", "demo");
        Assert.False(File.Exists(Path.Combine(dir.Path, "catalog.db")), "the demo never started");
    }

    [Fact]
    public async Task Export_StopsAtStart_WhenItsScheduleIsNotCron()
    {
        using var dir = new TempDir();

        var process = await CrawlerProcess.RunAsync(["export", "--data-dir", dir.Path], Timeout, new Dictionary<string, string> { ["CRAWLER_Export__Cron"] = "daily" });

        AssertOneLine(process, "crawler export: configuration error: Export:Cron: 'daily' is not a cron expression", "export");
    }

    [Fact]
    public async Task Service_StopsAtStart_WithOneLinePerProblemOfASourcesSiteFile()
    {
        using var dir = new TempDir();
        var siteFile = Path.Combine(dir.Path, "broken-forum.json");
        await File.WriteAllTextAsync(siteFile, """{ "extends": "nowhere", "post": "div[[", "colour": "red" }""");

        var process = await CrawlerProcess.RunAsync(
            ["--data-dir", dir.Path, "--urls", $"http://127.0.0.1:{FreePort.Next()}", "--Sources:3:Enabled=true", "--Sources:3:Communities:0=requests.2", $"--Sources:3:Site={siteFile}"],
            Timeout);

        Assert.Equal(2, process.ExitCode);
        Assert.Equal(
            ["colour: unknown key", "extends: no preset 'nowhere' (nowhere.json) in the same folder", "post: selector 'div[[' does not parse"],
            process.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(line => line.Replace("crawler: configuration error: Sources:3:Site: broken-forum.json: ", "", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal));
        Assert.Equal("", process.Stdout);
    }

    private static void AssertOneLine(CrawlerProcess process, string expected, string kind)
    {
        var lines = process.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(process.ExitCode == 2, $"{kind}: exit code {process.ExitCode}. stderr:\n{process.Stderr}");
        Assert.True(lines.Length == 1, $"{kind}: expected one line on stderr, got {lines.Length}:\n{process.Stderr}");
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
        Assert.Equal("", process.Stdout);
    }
}
