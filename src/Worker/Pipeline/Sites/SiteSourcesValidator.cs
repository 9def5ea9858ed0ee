using Crawler.Worker.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Pipeline.Sites;

/// <summary>Checks at start that every source names a known adapter and suits it, one line per problem.</summary>
/// <remarks>
/// The drivers are resolved when validating, not injected: a driver reaches the fetcher, whose exemptions read
/// the sources, so taking the drivers in the constructor would make the sources' options depend on themselves.
/// </remarks>
public sealed class SiteSourcesValidator(IServiceProvider services) : IValidateOptions<SourcesOptions>
{
    public ValidateOptionsResult Validate(string? name, SourcesOptions options)
    {
        var byName = services.GetServices<SiteDriver>().ToDictionary(d => d.Name, StringComparer.Ordinal);
        var failures = new List<string>();
        for (var i = 0; i < options.Items.Count; i++)
        {
            var source = options.Items[i];
            if (!byName.TryGetValue(source.Adapter, out var driver))
            {
                failures.Add($"Sources:{i}:Adapter: unknown adapter '{source.Adapter}'; known: {string.Join(", ", byName.Keys.Order())}.");
                continue;
            }
            failures.AddRange(driver.Problems(source).Select(problem => $"Sources:{i}:{problem}"));
        }
        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
