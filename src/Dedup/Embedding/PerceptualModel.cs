using Crawler.Dedup.Onnx;

namespace Crawler.Dedup.Embedding;

/// <summary>
/// The built-in perceptual model, built from code as an ONNX graph so the same ONNX Runtime path (and a
/// GPU) runs it, with nothing to download. The descriptor is the low-frequency 2-D DCT of the luma plane
/// (structure) and of the two chroma planes (colour layout), at 32x32:
/// - re-encoding, resizing and a small caption move only high frequencies or a few percent of the energy;
/// - crops and small rotations shift low frequencies a little, so only the lowest are kept;
/// - a mirror flips the sign of every coefficient with an odd horizontal frequency; those are multiplied by
///   a smooth sign of the picture's own left/right balance, which flips with them, so a mirror image gets
///   the same vector;
/// - a pasted object, a stylisation or a hue shift changes the low frequencies of luma or chroma outright.
/// </summary>
public static class PerceptualModel
{
    public const string Id = "dct-colour-v1";

    public static EmbeddingModel Create() => Create(new PerceptualDesign(), Id);

    /// <summary>A variant for evaluating other parameters; its id must differ from the default's.</summary>
    public static EmbeddingModel Create(PerceptualDesign design, string id) =>
        new(id, Build(design, id), design.Side, [0f, 0f, 0f], [1f, 1f, 1f], "image", "embedding");

    private static byte[] Build(PerceptualDesign d, string id)
    {
        var k = Math.Max(d.LumaBand, d.ColourBand);
        var graph = new OnnxGraph(id);
        var image = graph.Input("image", OnnxElementType.Float, "batch", 3, d.Side, d.Side);
        var ycc = graph.Node("Conv", [image, graph.Constant("to_ycbcr", YCbCr, 3, 3, 1, 1)], [OnnxAttribute.Of("kernel_shape", 1L, 1L)]);
        var dct = Dct.Matrix(k, d.Side);
        var rows = graph.Node("MatMul", [graph.Constant("dct", dct, k, d.Side), ycc]);
        var coefficients = graph.Node("MatMul", [rows, graph.Constant("dct_t", Dct.Transpose(dct, k, d.Side), d.Side, k)]);
        var weighted = graph.Node("Mul", [coefficients, graph.Constant("weights", DescriptorLayout.Weights(d, k), 3, k, k)]);

        // Canonical orientation: t = tanh(sharpness * balance / energy), in [-1, 1], changes sign under a mirror.
        var all = graph.Constant("all_but_batch", new long[] { 1, 2, 3 }, 3);
        var balance = graph.Node("ReduceSum", [graph.Node("Mul", [weighted, graph.Constant("balance", DescriptorLayout.Balance(k), 3, k, k)]), all]);
        var energy = graph.Node("Sqrt", [graph.Node("Add", [graph.Node("ReduceSum", [graph.Node("Mul", [weighted, weighted]), all]), graph.Constant("eps", [1e-12f])])]);
        var sign = graph.Node("Tanh", [graph.Node("Mul", [graph.Node("Div", [balance, energy]), graph.Constant("sharpness", [d.MirrorSharpness])])]);
        var odd = graph.Constant("odd", DescriptorLayout.OddColumns(k), 3, k, k);
        var factor = graph.Node("Add", [graph.Node("Mul", [odd, graph.Node("Sub", [sign, graph.Constant("one", [1f])])]), graph.Constant("one_", [1f])]);
        var canonical = graph.Node("Mul", [weighted, factor]);

        var flat = graph.Node("Reshape", [canonical, graph.Constant("flat_shape", new long[] { 0, -1 }, 2)]);
        var kept = DescriptorLayout.Kept(d, k);
        var picked = graph.Node("Gather", [flat, graph.Constant("kept", kept, kept.Length)], [OnnxAttribute.Of("axis", 1L)]);
        graph.Node("LpNormalization", [picked], [OnnxAttribute.Of("axis", 1L), OnnxAttribute.Of("p", 2L)], output: "embedding");
        graph.Output("embedding", OnnxElementType.Float, "batch", kept.Length);
        var info = new OnnxModelInfo("crawler", id, 1, 17,
            "Perceptual descriptor: low-frequency DCT of luma and chroma, mirror-canonical, L2-normalised.",
            new Dictionary<string, string> { ["design"] = d.ToString() });
        return graph.ToModel(info);
    }

    // Rows Y, Cb, Cr of the JPEG (BT.601 full-range) transform; the chroma rows sum to zero, so grey has no colour.
    private static readonly float[] YCbCr =
    [
        0.299f, 0.587f, 0.114f,
        -0.168736f, -0.331264f, 0.5f,
        0.5f, -0.418688f, -0.081312f,
    ];
}
