using System.CommandLine;
using Crawler.Worker.Exporting;
using Microsoft.Extensions.DependencyInjection;

namespace Crawler.Worker.Cli;

/// <summary><c>export --data-dir DIR</c>: writes a snapshot now and prints its folder as the last line.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var dataDir = CliOptions.RequiredDataDir();
        var command = new Command("export", "Write a snapshot of the catalog now.") { dataDir };
        command.SetAction(async (result, ct) =>
        {
            using var host = await VerbHost.StartAsync(result.GetRequiredValue(dataDir), ct);
            var snapshot = await host.Services.GetRequiredService<SnapshotExporter>().ExportAsync(ct);
            await Console.Out.WriteLineAsync(snapshot.Path);
            return 0;
        });
        return command;
    }
}
