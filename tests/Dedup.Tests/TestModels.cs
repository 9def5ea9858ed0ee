using Crawler.Dedup.Embedding;
using Crawler.Dedup.Onnx;

namespace Crawler.Dedup.Tests;

/// <summary>Small ONNX models with outputs known in advance, standing for learned models in the tests.</summary>
internal static class TestModels
{
    /// <summary>Mean of each input channel: for a plain-colour image, that colour after normalisation.</summary>
    public static EmbeddingModel ChannelMeans(OnnxElementType element, float[] mean, float[] std, int side = 16)
    {
        var graph = new OnnxGraph("channel-means");
        var x = graph.Input("pixels", element, "batch", 3, side, side);
        var asFloat = element == OnnxElementType.Float ? x : graph.Node("Cast", [x], [OnnxAttribute.Of("to", (long)OnnxElementType.Float)]);
        var means = graph.Node("ReduceMean", [asFloat], [OnnxAttribute.Of("axes", 2L, 3L), OnnxAttribute.Of("keepdims", 0L)]);
        graph.Node("Cast", [means], [OnnxAttribute.Of("to", (long)element)], output: "features");
        graph.Output("features", element, "batch", 3);
        var onnx = graph.ToModel(new OnnxModelInfo("tests", "1", 1, 17, "channel means", new Dictionary<string, string>()));
        return new EmbeddingModel($"channel-means-{element}", onnx, side, mean, std, "pixels", "features");
    }
}
