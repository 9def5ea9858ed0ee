using Crawler.Worker.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Cli;

/// <summary>
/// The one way start-up problems reach the user: each setting that is wrong becomes one line naming it, with
/// no stack trace. Any other exception is a bug, and keeps its trace.
/// </summary>
internal static class StartupErrors
{
    /// <returns>One line per problem, or null when <paramref name="e"/> is not a start-up problem.</returns>
    public static IReadOnlyList<string>? Describe(Exception e) => e switch
    {
        OptionsValidationException invalid => [.. invalid.Failures.Select(f => $"configuration error: {ValidationMessages.Describe(invalid.OptionsType, f)}")],
        AggregateException all when all.InnerExceptions.All(i => Describe(i) is not null) => [.. all.InnerExceptions.SelectMany(i => Describe(i)!)],
        // "Failed to convert configuration value 'abc' at 'Fetch:MaxRetries' to type 'System.Int32'."
        InvalidOperationException when e.TargetSite?.DeclaringType == typeof(ConfigurationBinder) => [$"configuration error: {e.Message}"],
        StartupException => [e.Message],
        _ => null,
    };
}
