using System.CommandLine;
using System.Globalization;
using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace Crawler.Worker.Cli;

/// <summary>
/// <c>reparse --data-dir DIR [--site SITE] [--since DATE]</c>: runs today's parsers and pairing rules over the
/// stored raw pages, without fetching anything, and prints what changed. Images and dedup of new pairs follow
/// when the service next runs.
/// </summary>
internal static class ReparseCommand
{
    public static Command Create()
    {
        var dataDir = CliOptions.RequiredDataDir();
        var site = new Option<string?>("--site") { Description = "Only threads of this site (e.g. reddit, photoshopgurus)." };
        var since = new Option<string?>("--since") { Description = "Only pages fetched on or after this date (UTC), e.g. 2026-11-01." };
        var command = new Command("reparse", "Parse and pair the stored raw pages again, so a parser fix reaches threads fetched before it.")
        {
            dataDir, site, since,
        };
        command.SetAction(async (result, ct) =>
        {
            DateTimeOffset? from = null;
            if (result.GetValue(since) is { } text)
            {
                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    await Console.Error.WriteLineAsync($"crawler reparse: --since '{text}' is not a date (e.g. 2026-11-01)");
                    return 1;
                }
                from = parsed;
            }
            using var host = await VerbHost.StartAsync(result.GetRequiredValue(dataDir), ct);
            var started = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            var queued = await host.Services.GetRequiredService<Reparse>().QueueAsync(result.GetValue(site), from, ct);
            var runner = host.Services.GetRequiredService<StageRunner>();
            var parse = await runner.RunAsync(StageNames.Parse, null, ct);
            var pair = await runner.RunAsync(StageNames.Pair, null, ct);
            var changes = await host.Services.GetRequiredService<PairStore>().WrittenSinceAsync(started, ct);
            await Console.Out.WriteLineAsync(
                $"{queued} threads reparsed: {parse.Done} parsed, {parse.Failed} failed; {pair.Done} paired: " +
                $"{changes.Written} pairs new or changed, {changes.Retired} retired, the rest unchanged");
            return parse.Failed > 0 ? 2 : 0;
        });
        return command;
    }
}
