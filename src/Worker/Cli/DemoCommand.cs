using System.CommandLine;
using System.Globalization;
using Crawler.Worker.Demo;
using Crawler.Worker.Exporting;
using Crawler.Fetching;
using Crawler.Worker.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace Crawler.Worker.Cli;

/// <summary>
/// <c>demo --data-dir DIR [--threads N]</c>: generates a sample request site, serves it on 127.0.0.1, runs
/// every stage against it and writes a snapshot, whose folder is the last line printed. Nothing is downloaded.
/// </summary>
internal static class DemoCommand
{
    public const int DefaultThreads = 36;
    public const string SourceName = "demo";

    public static Command Create()
    {
        var dataDir = CliOptions.RequiredDataDir();
        var threads = new Option<int>("--threads")
        {
            Description = "Request threads on the sample site; every 8 cover all accept and reject cases.",
            DefaultValueFactory = _ => DefaultThreads,
        };
        threads.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 10_000)
            {
                r.AddError("--threads must be between 1 and 10000.");
            }
        });
        var command = new Command("demo", "Run the whole pipeline offline against a generated sample site and write a snapshot.") { dataDir, threads };
        command.SetAction((result, ct) => RunAsync(result.GetRequiredValue(dataDir), result.GetValue(threads), ct));
        return command;
    }

    private static async Task<int> RunAsync(string dataDir, int threadCount, CancellationToken ct)
    {
        var site = SampleSiteBuilder.Build(threadCount);
        await using var server = await SampleSiteServer.StartAsync(site, ct);
        using var host = await VerbHost.StartAsync(dataDir, ct, services => UseSampleSite(services, server.Address));
        await host.Services.GetRequiredService<DemoPipeline>().RunAsync(stage => new ConsoleProgress(stage), ct);
        var snapshot = await host.Services.GetRequiredService<SnapshotExporter>().ExportAsync(ct);
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{snapshot.Manifest.Rows} pairs exported"));
        await Console.Out.WriteLineAsync(snapshot.Path);
        return 0;
    }

    /// <summary>Points the pipeline at the sample site only: its one source, reached on loopback, without politeness delays.</summary>
    private static void UseSampleSite(IServiceCollection services, Uri address)
    {
        services.PostConfigure<SourcesOptions>(o => o.Items =
        [
            new SourceOptions
            {
                Name = SourceName,
                Adapter = Parsers.Reddit.RedditJsonParser.FormatName,
                BaseUrl = SampleSite.BaseUrl.AbsoluteUri,
                Communities = [RedditJsonWriter.Community],
                ListingPages = 100,
                RevisitWindowHours = 0,
                ExemptFromRobots = true,
                NoPoliteness = true,
            },
        ]);
        services.PostConfigure<FetchOptions>(o =>
        {
            o.AllowedNetworks = ["127.0.0.1/32"];
            o.HostOverrides = new Dictionary<string, string> { [SampleSite.Host] = $"127.0.0.1:{address.Port}" };
        });
        services.AddSingleton<DemoPipeline>();
    }
}
