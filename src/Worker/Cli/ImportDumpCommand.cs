using System.CommandLine;
using System.Globalization;
using Crawler.Worker.Pipeline.Sites;
using Crawler.Worker.Sources;
using Crawler.Worker.Dumps;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Cli;

/// <summary>
/// <c>import-dump --data-dir DIR --submissions RS_*.zst [--comments RC_*.zst] --subreddit NAME [--since DATE]
/// [--until DATE] [--source NAME]</c>: imports Pushshift / Arctic Shift dumps into the catalog, streaming them,
/// with a progress bar on a terminal; prints what it imported and skipped.
/// </summary>
internal static class ImportDumpCommand
{
    public static Command Create()
    {
        var dataDir = CliOptions.RequiredDataDir();
        var submissions = new Option<FileInfo[]>("--submissions") { Description = "Submission dump (RS_*.zst, or plain ndjson); repeatable.", Arity = ArgumentArity.ZeroOrMore };
        var comments = new Option<FileInfo[]>("--comments") { Description = "Comment dump (RC_*.zst, or plain ndjson), read after the submissions; repeatable.", Arity = ArgumentArity.ZeroOrMore };
        var subreddits = new Option<string[]>("--subreddit") { Description = "Community to import, e.g. PhotoshopRequest; repeatable.", Required = true, Arity = ArgumentArity.OneOrMore };
        var since = DateOption("--since", "Only submissions posted on or after this UTC date (yyyy-MM-dd).");
        var until = DateOption("--until", "Only submissions posted before this UTC date (yyyy-MM-dd).");
        var source = new Option<string?>("--source") { Description = "The configured reddit-json source the threads belong to; defaults to the only one." };
        var command = new Command("import-dump", "Import Pushshift / Arctic Shift dump files (zstd ndjson) into the catalog.")
        {
            dataDir, submissions, comments, subreddits, since, until, source,
        };
        command.SetAction(async (result, ct) =>
        {
            var files = new DumpImportRequest(
                Paths(result.GetValue(submissions)), Paths(result.GetValue(comments)), result.GetRequiredValue(subreddits),
                Date(result.GetValue(since)), Date(result.GetValue(until)), "");
            var all = files.Submissions.Concat(files.Comments).ToList();
            if (all.Count == 0)
            {
                await Console.Error.WriteLineAsync("crawler import-dump: give at least one --submissions or --comments file");
                return 1;
            }
            if (all.Select(InputFile.Problem).FirstOrDefault(p => p is not null) is { } problem)
            {
                await Console.Error.WriteLineAsync($"crawler import-dump: {problem}");
                return 1;
            }
            using var host = await VerbHost.StartAsync(result.GetRequiredValue(dataDir), ct);
            if (SourceName(host.Services, result.GetValue(source)) is not { } name)
            {
                await Console.Error.WriteLineAsync("crawler import-dump: name the source with --source; the configuration has no single reddit-json source");
                return 1;
            }
            try
            {
                using var progress = new DumpProgressBar();
                var imported = await host.Services.GetRequiredService<DumpImporter>().ImportAsync(files with { Source = name }, progress, ct);
                progress.Dispose();
                foreach (var example in imported.MalformedExamples)
                {
                    await Console.Error.WriteLineAsync($"malformed: {example}");
                }
                await Console.Out.WriteLineAsync(imported.Summary());
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or InvalidDataException)
            {
                await Console.Error.WriteLineAsync($"crawler import-dump: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static Option<string?> DateOption(string name, string description)
    {
        var option = new Option<string?>(name) { Description = description };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } text && Date(text) is null)
            {
                r.AddError($"{name} must be a date such as 2018-02-01, not '{text}'.");
            }
        });
        return option;
    }

    private static DateTimeOffset? Date(string? text) =>
        DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    private static List<string> Paths(FileInfo[]? files) => (files ?? []).Select(f => f.FullName).ToList();

    private static string? SourceName(IServiceProvider services, string? given)
    {
        if (given is not null)
        {
            return given;
        }
        var drivers = services.GetRequiredService<SiteDrivers>();
        var reddit = services.GetRequiredService<IOptions<SourcesOptions>>().Value.Items.Where(s => drivers.For(s).TakesDumps).ToList();
        return reddit.Count == 1 ? reddit[0].Name : null;
    }
}
