using Crawler.Dedup.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace Crawler.Dedup.Tests.Onnx;

public sealed class OnnxGraphTests
{
    [Fact]
    public void ToModel_WritesAModelOnnxRuntimeRuns_WithConstantsAttributesAndAFreeBatch()
    {
        var graph = new OnnxGraph("test");
        var x = graph.Input("x", OnnxElementType.Float, "batch", 3);
        var shifted = graph.Node("Add", [x, graph.Constant("c", [1f, 2f, 3f], 3)]);
        graph.Node("ReduceSum", [shifted, graph.Constant("axes", new long[] { 1 }, 1)], [OnnxAttribute.Of("keepdims", 0L)], output: "y");
        graph.Output("y", OnnxElementType.Float, "batch");
        var bytes = graph.ToModel(new OnnxModelInfo("tests", "1", 3, 17, "x + c summed per row", new Dictionary<string, string> { ["k"] = "v" }));

        using var session = new InferenceSession(bytes);
        using var input = OrtValue.CreateTensorValueFromMemory([1f, 1f, 1f, 10f, 20f, 30f], [2, 3]);
        using var outputs = session.Run(new RunOptions(), ["x"], [input], ["y"]);

        // (1+1)+(1+2)+(1+3) = 9 and (10+1)+(20+2)+(30+3) = 66.
        Assert.Equal([9f, 66f], outputs[0].GetTensorDataAsSpan<float>().ToArray());
        Assert.Equal("v", session.ModelMetadata.CustomMetadataMap["k"]);
        Assert.Equal(3, session.ModelMetadata.Version);
        Assert.Equal("tests", session.ModelMetadata.ProducerName);
    }
}
