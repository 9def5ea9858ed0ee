namespace Crawler.Dedup.Embedding;

/// <summary>
/// An ONNX image model and how to feed it: RGB resized (squashed) to <paramref name="InputSize"/> square,
/// channels first, each value <c>(pixel / 255 - Mean[c]) / Std[c]</c>. The element type (fp32 or fp16) is
/// read from the model itself.
/// </summary>
/// <param name="Id">Stored beside every vector: a different id re-embeds everything.</param>
/// <param name="Onnx">The serialised model.</param>
/// <param name="InputName">The image input, or null for the model's first input.</param>
/// <param name="OutputName">The embedding output, or null for the model's first output.</param>
public sealed record EmbeddingModel(string Id, byte[] Onnx, int InputSize, float[] Mean, float[] Std, string? InputName = null, string? OutputName = null)
{
    /// <summary>A learned model (SSCD, DINOv2, a CLIP image tower) exported to ONNX, read from a file.</summary>
    public static EmbeddingModel FromFile(string id, string path, int inputSize, float[] mean, float[] std, string? inputName, string? outputName) =>
        new(id, File.ReadAllBytes(path), inputSize, mean, std, inputName, outputName);
}
