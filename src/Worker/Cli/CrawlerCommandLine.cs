using System.CommandLine;

namespace Crawler.Worker.Cli;

/// <summary>
/// The executable's verbs. No verb runs the service; host flags such as <c>--urls</c> pass through to it.
/// Command-line and start-up problems print one clear line each and exit with code 2; a verb stopped by
/// SIGINT or SIGTERM says so in one line and exits with 128 + the signal's number.
/// </summary>
public static class CrawlerCommandLine
{
    public const int ConfigurationError = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        var dataDir = CliOptions.DataDir();
        var root = new RootCommand("Crawler: collects real-world instruction-guided image edits and publishes them as Parquet snapshots.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.Options.Add(dataDir);
        root.SetAction((result, ct) => ServeCommand.RunAsync(args, result.GetValue(dataDir), ct));
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(ParseCommand.Create());
        root.Subcommands.Add(ImportDumpCommand.Create());
        root.Subcommands.Add(DedupCommand.Create());
        root.Subcommands.Add(GpuCheckCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(OptOutCommand.Create());
        root.Subcommands.Add(ReparseCommand.Create());

        var parsed = root.Parse(args);
        var command = parsed.CommandResult.Command;
        var name = command == root ? "crawler" : $"crawler {command.Name}";
        var serving = command == root && parsed.Action == root.Action;
        if (UsageProblem(parsed, serving) is { } usage)
        {
            await Console.Error.WriteLineAsync($"{name}: {usage} (see {name} --help)");
            return ConfigurationError;
        }
        // The service's host handles SIGTERM itself (a graceful stop within its shutdown timeout); verbs stop here.
        using var stop = serving ? null : new StopSignal();
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false };
        try
        {
            return await parsed.InvokeAsync(invocation, stop?.Token ?? CancellationToken.None);
        }
        catch (OperationCanceledException) when (stop?.Received is { } signal)
        {
            await Console.Error.WriteLineAsync($"{name}: stopped by {signal}; what was done is kept, and the same command resumes from there");
            return stop.ExitCode;
        }
        catch (Exception e) when (StartupErrors.Describe(e) is { } lines)
        {
            foreach (var line in lines)
            {
                await Console.Error.WriteLineAsync($"{name}: {line}");
            }
            return ConfigurationError;
        }
    }

    /// <summary>Parse errors of a verb, or an argument the service would not understand.</summary>
    private static string? UsageProblem(ParseResult parsed, bool serving)
    {
        if (parsed.Errors.Count > 0)
        {
            return string.Join("; ", parsed.Errors.Select(e => e.Message));
        }
        if (serving)
        {
            return HostArguments.Problem(parsed.UnmatchedTokens);
        }
        // The root lets unmatched tokens through for the host, and its verbs inherit that; they take none.
        return parsed.UnmatchedTokens.Count > 0 ? $"unknown option or argument '{parsed.UnmatchedTokens[0]}'" : null;
    }
}
