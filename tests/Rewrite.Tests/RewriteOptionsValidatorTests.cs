using System.ComponentModel.DataAnnotations;

namespace Crawler.Rewrite.Tests;

public sealed class RewriteOptionsValidatorTests
{
    private static readonly string Prompts = Path.Combine(AppContext.BaseDirectory, "prompts");

    [Fact]
    public void Validate_AcceptsTheRulesRewriter_WithNoEndpoint() =>
        Assert.True(new RewriteOptionsValidator(Prompts).Validate(null, new RewriteOptions()).Succeeded);

    [Fact]
    public void Validate_NamesEachBadSetting_WhenAnEndpointIsSet()
    {
        var result = new RewriteOptionsValidator(Prompts).Validate(null, new RewriteOptions { Endpoint = "ftp://models", PromptVersion = "rewrite-v9" });

        Assert.Equal(
            [
                "Rewrite:Endpoint: 'ftp://models' is not an http(s) URL such as http://127.0.0.1:8000/v1",
                "Rewrite:Model: a model name is required when Rewrite:Endpoint is set",
                $"Rewrite:PromptVersion: no prompt file {Path.Combine(Prompts, "rewrite-v9.md")}",
            ],
            result.Failures);
    }

    [Fact]
    public void DataAnnotations_PinTheMessage_OfAnUnknownResponseFormat()
    {
        var options = new RewriteOptions { ResponseFormat = "xml" };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Equal("The ResponseFormat field does not equal any of the values specified in AllowedValuesAttribute.", Assert.Single(results).ErrorMessage);
    }

    [Fact]
    public void Prompt_NamesEveryEditTypeAndStatus_ThatTheSchemaAllows()
    {
        var prompt = File.ReadAllText(Path.Combine(Prompts, "rewrite-v1.md"));

        Assert.All(EditTypes.All.Concat(RewriteStatus.All), word => Assert.Contains(word, prompt, StringComparison.Ordinal));
    }
}
