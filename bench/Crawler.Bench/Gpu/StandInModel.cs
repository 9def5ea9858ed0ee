using Crawler.Dedup.Onnx;

namespace Crawler.Bench.Gpu;

/// <summary>
/// For the dry run of <c>bench/run gpu</c> where torch cannot export ResNet-50: a small convolutional model
/// with the same input (224x224 RGB) and output (1000 values), in fp32 or with fp16 input and output, so the
/// same code paths run. Its numbers say nothing about ResNet-50.
/// </summary>
internal static class StandInModel
{
    private static readonly int[] Widths = [32, 64, 128];

    public static byte[] Build(bool half)
    {
        var element = half ? OnnxElementType.Float16 : OnnxElementType.Float;
        var graph = new OnnxGraph("stand-in");
        var x = graph.Input("x", element, "b", 3, 224, 224);
        var h = half ? graph.Node("Cast", [x], [OnnxAttribute.Of("to", (long)OnnxElementType.Float)]) : x;
        var random = new Random(0);
        var channels = 3;
        foreach (var (width, i) in Widths.Select((w, i) => (w, i)))
        {
            var weights = Enumerable.Range(0, width * channels * 9).Select(_ => (random.NextSingle() - 0.5f) * 0.2f).ToArray();
            h = graph.Node("Conv", [h, graph.Constant($"w{i}", weights, width, channels, 3, 3)],
                [OnnxAttribute.Of("kernel_shape", 3L, 3L), OnnxAttribute.Of("strides", 2L, 2L), OnnxAttribute.Of("pads", 1L, 1L, 1L, 1L)]);
            h = graph.Node("Relu", [h]);
            channels = width;
        }
        var pooled = graph.Node("Flatten", [graph.Node("GlobalAveragePool", [h])]);
        var fc = Enumerable.Range(0, channels * 1000).Select(_ => (random.NextSingle() - 0.5f) * 0.1f).ToArray();
        var y = graph.Node("MatMul", [pooled, graph.Constant("fc", fc, channels, 1000)]);
        graph.Node(half ? "Cast" : "Identity", [y], half ? [OnnxAttribute.Of("to", (long)OnnxElementType.Float16)] : null, output: "y");
        graph.Output("y", element, "b", 1000);
        return graph.ToModel(new OnnxModelInfo("crawler-bench", "1", 1, 17, "stand-in for ResNet-50 in the GPU benchmark's dry run", new Dictionary<string, string>()));
    }
}
