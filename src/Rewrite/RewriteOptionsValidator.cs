using Crawler.Rewrite.Llm;
using Microsoft.Extensions.Options;

namespace Crawler.Rewrite;

/// <summary>Checks what data annotations cannot: an endpoint is an http(s) URL and comes with a model and a prompt file.</summary>
public sealed class RewriteOptionsValidator(string promptDirectory) : IValidateOptions<RewriteOptions>
{
    public ValidateOptionsResult Validate(string? name, RewriteOptions options)
    {
        if (!options.UsesEndpoint)
        {
            return ValidateOptionsResult.Success;
        }
        var failures = new List<string>();
        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            failures.Add($"Rewrite:Endpoint: '{options.Endpoint}' is not an http(s) URL such as http://127.0.0.1:8000/v1");
        }
        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add("Rewrite:Model: a model name is required when Rewrite:Endpoint is set");
        }
        foreach (var (setting, version) in new[] { ("PromptVersion", options.PromptVersion), ("BattlePromptVersion", options.BattlePromptVersion) })
        {
            var prompt = PromptFile.PathOf(promptDirectory, version);
            if (!File.Exists(prompt))
            {
                failures.Add($"Rewrite:{setting}: no prompt file {prompt}");
            }
        }
        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
