using System.CommandLine;
using Crawler.Worker.Hosting;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Cli;

/// <summary>
/// The executable's verbs. No verb runs the service; host flags such as <c>--urls</c> pass through to it.
/// Start-up problems print one clear line each and exit with code 2.
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
        // The host handles SIGTERM itself (graceful stop within its shutdown timeout); the parser must not kill it first.
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false };
        try
        {
            return await root.Parse(args).InvokeAsync(invocation);
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures)
            {
                await Console.Error.WriteLineAsync($"crawler: configuration error: {ValidationMessages.Describe(e.OptionsType, failure)}");
            }
            return ConfigurationError;
        }
        catch (InvalidOperationException e) when (IsUnconvertibleSetting(e))
        {
            // "Failed to convert configuration value 'abc' at 'Fetch:MaxRetries' to type 'System.Int32'."
            await Console.Error.WriteLineAsync($"crawler: configuration error: {e.Message}");
            return ConfigurationError;
        }
        catch (Exception e) when (e is StartupException or InvalidOperationException { InnerException: IOException })
        {
            await Console.Error.WriteLineAsync($"crawler: {e.Message}");
            return ConfigurationError;
        }
    }

    /// <summary>A value the configuration binder could not convert to its setting's type (a word where a number belongs).</summary>
    private static bool IsUnconvertibleSetting(InvalidOperationException e) =>
        e.TargetSite?.DeclaringType == typeof(Microsoft.Extensions.Configuration.ConfigurationBinder);
}
