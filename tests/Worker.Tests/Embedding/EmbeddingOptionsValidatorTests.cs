using Crawler.Worker.Embedding;

namespace Crawler.Worker.Tests.Embedding;

public sealed class EmbeddingOptionsValidatorTests
{
    private readonly EmbeddingOptionsValidator _validator = new();

    [Fact]
    public void Validate_NamesEachProblem_OfAModelFileSetting()
    {
        var result = _validator.Validate(null, new EmbeddingOptions { Model = "/nonexistent/sscd.onnx", Mean = [0.5f], Std = [1f, 1f, 0f] });

        Assert.Equal(
            [
                "Embedding:Model: no ONNX file at /nonexistent/sscd.onnx (or use \"builtin\")",
                "Embedding:ModelId: a model file needs an id to store beside its vectors",
                "Embedding:Mean and Embedding:Std: three values each (R, G, B) or none for ImageNet's, every Std above zero",
            ],
            result.Failures);
    }

    [Fact]
    public void Validate_Succeeds_ForTheBuiltInModel() =>
        Assert.True(_validator.Validate(null, new EmbeddingOptions()).Succeeded);
}
