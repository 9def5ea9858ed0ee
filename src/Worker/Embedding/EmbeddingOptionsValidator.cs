using Microsoft.Extensions.Options;

namespace Crawler.Worker.Embedding;

/// <summary>Checks what depends on more than one setting: a model file needs its id, an existing path and three-channel normalisation.</summary>
public sealed class EmbeddingOptionsValidator : IValidateOptions<EmbeddingOptions>
{
    public ValidateOptionsResult Validate(string? name, EmbeddingOptions options)
    {
        if (options.Model == EmbeddingOptions.BuiltIn)
        {
            return ValidateOptionsResult.Success;
        }
        var failures = new List<string>();
        if (!File.Exists(options.Model))
        {
            failures.Add($"Embedding:Model: no ONNX file at {options.Model} (or use \"{EmbeddingOptions.BuiltIn}\")");
        }
        if (string.IsNullOrWhiteSpace(options.ModelId))
        {
            failures.Add("Embedding:ModelId: a model file needs an id to store beside its vectors");
        }
        if (options.Mean.Length is not (0 or 3) || options.Std.Length is not (0 or 3) || options.Std.Any(s => s <= 0))
        {
            failures.Add("Embedding:Mean and Embedding:Std: three values each (R, G, B) or none for ImageNet's, every Std above zero");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
