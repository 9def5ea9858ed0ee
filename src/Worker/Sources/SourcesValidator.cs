using System.ComponentModel.DataAnnotations;
using Crawler.Parsers.Reddit;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Sources;

/// <summary>Validates every source, naming the failing setting by its configuration path (<c>Sources:0:BaseUrl</c>).</summary>
public sealed class SourcesValidator : IValidateOptions<SourcesOptions>
{
    public ValidateOptionsResult Validate(string? name, SourcesOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Items.Count; i++)
        {
            var source = options.Items[i];
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(source, new ValidationContext(source), results, validateAllProperties: true);
            failures.AddRange(results.Select(r => $"Sources:{i}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
            failures.AddRange(OAuthFailures(source, $"Sources:{i}:OAuth"));
            if (source.Enabled && source.Communities.Count == 0)
            {
                failures.Add($"Sources:{i}:Communities: an enabled source names at least one community (a subreddit, a forum board).");
            }
            if (!RedditPairingRules.IsKnown(source.Pairing.Rules))
            {
                failures.Add($"Sources:{i}:Pairing:Rules: unknown pairing rules '{source.Pairing.Rules}'; known: {string.Join(", ", RedditPairingRules.All)}.");
            }
        }
        foreach (var duplicate in options.Items.GroupBy(s => s.Name).Where(g => g.Count() > 1))
        {
            failures.Add($"Sources: the name '{duplicate.Key}' is used by {duplicate.Count()} sources; names must be unique.");
        }
        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }

    /// <summary>An enabled source's credentials must be in the environment at start, not discovered missing at the first request.</summary>
    private static IEnumerable<string> OAuthFailures(SourceOptions source, string path)
    {
        if (source.OAuth is not { } oauth)
        {
            yield break;
        }
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(oauth, new ValidationContext(oauth), results, validateAllProperties: true);
        foreach (var result in results)
        {
            yield return $"{path}:{string.Join(",", result.MemberNames)}: {result.ErrorMessage}";
        }
        if (source.Enabled && oauth.Credentials(out var missing) is null)
        {
            yield return $"{path}: the environment variable {missing} is not set; Reddit's API needs the app's client id and secret";
        }
    }
}
