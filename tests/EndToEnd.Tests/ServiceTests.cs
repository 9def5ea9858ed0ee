using System.Net;
using Crawler.TestSupport;

namespace Crawler.EndToEnd.Tests;

public sealed class ServiceTests
{
    private const int SigTerm = 15;

    [Fact]
    public async Task Service_AnswersHealthDashboardAndFrontPage_WarnsThatNoSourceIsEnabled_AndStopsOnSigterm()
    {
        using var dir = new TempDir();
        var port = FreePort.Next();
        using var service = CrawlerProcess.Start(["--urls", $"http://127.0.0.1:{port}", "--data-dir", dir.Path, "--Sources:0:Enabled=false", "--Sources:2:Enabled=false"]);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

        var health = await PollAsync(http, "healthz", TimeSpan.FromSeconds(60), service);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("Healthy", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var dashboard = await http.GetAsync(new Uri("hangfire", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Hangfire", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var home = await http.GetAsync(new Uri("/", UriKind.Relative));
        var page = await home.Content.ReadAsStringAsync();
        Assert.Equal((HttpStatusCode.OK, "text/html"), (home.StatusCode, home.Content.Headers.ContentType?.MediaType));
        Assert.Contains("<a href=\"hangfire\">", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"healthz\">", page, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir.Path, "catalog.db")), "the catalog lives in --data-dir");

        service.Signal(SigTerm);
        await service.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, service.ExitCode);
        // The shipped Arctic Shift source switched off leaves none enabled: said once, with how to enable one.
        Assert.Single(service.Stdout.Split('\n'), line => line.Contains(Worker.Sources.NoSourceWarning.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DotnetRun_KeepsTheDataInTheCallersFolder_AsTheReadmeSays()
    {
        using var caller = new TempDir();
        var port = FreePort.Next();
        using var service = CrawlerProcess.StartWithDotnetRun(["--urls", $"http://127.0.0.1:{port}"], caller.Path);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

        var health = await PollAsync(http, "healthz", TimeSpan.FromSeconds(90), service);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(File.Exists(Path.Combine(caller.Path, "data", "catalog.db")), $"no data/catalog.db in the folder dotnet run was called from ({caller.Path})");
    }

    [Fact]
    public async Task Service_RefusesASecondProcessOnTheSameDataDir_NamingTheSetting()
    {
        using var dir = new TempDir();
        var port = FreePort.Next();
        using var first = CrawlerProcess.Start(["--urls", $"http://127.0.0.1:{port}", "--data-dir", dir.Path]);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        await PollAsync(http, "healthz", TimeSpan.FromSeconds(60), first);

        var second = await CrawlerProcess.RunAsync(["export", "--data-dir", dir.Path], TimeSpan.FromSeconds(60));

        Assert.Equal(2, second.ExitCode);
        Assert.Contains("Storage:DataDir", second.Stderr, StringComparison.Ordinal);
        Assert.Contains("in use by another crawler process", second.Stderr, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PollAsync(HttpClient http, string path, TimeSpan timeout, CrawlerProcess process)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Assert.False(process.HasExited, $"the service exited early. stderr:\n{process.Stderr}");
            try
            {
                var response = await http.GetAsync(new Uri(path, UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > deadline)
                {
                    return response;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
    }
}
