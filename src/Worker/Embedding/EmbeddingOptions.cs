using System.ComponentModel.DataAnnotations;
using Crawler.Dedup.Embedding;

namespace Crawler.Worker.Embedding;

/// <summary>Which model embeds images and where it runs; bound from <c>Embedding</c>.</summary>
public sealed class EmbeddingOptions
{
    public const string Section = "Embedding";

    public const string BuiltIn = "builtin";

    /// <summary><c>builtin</c> (the project's own perceptual model) or the path of an ONNX file.</summary>
    [Required]
    public string Model { get; set; } = BuiltIn;

    /// <summary>For a model file: the id stored beside its vectors (change it when the file changes).</summary>
    public string? ModelId { get; set; }

    /// <summary>For a model file: the square input side in pixels.</summary>
    [Range(8, 1024)]
    public int InputSize { get; set; } = 224;

    /// <summary>For a model file: per-channel RGB mean of pixel/255; empty for ImageNet's (0.485, 0.456, 0.406).</summary>
    public float[] Mean { get; set; } = [];

    /// <summary>For a model file: per-channel RGB standard deviation of pixel/255; empty for ImageNet's (0.229, 0.224, 0.225).</summary>
    public float[] Std { get; set; } = [];

    /// <summary>For a model file: its image input, if not the first.</summary>
    public string? InputName { get; set; }

    /// <summary>For a model file: its embedding output, if not the first.</summary>
    public string? OutputName { get; set; }

    [Range(1, 4096)]
    public int BatchSize { get; set; } = 32;

    /// <summary>Threads decoding a batch; 0 means one per core.</summary>
    [Range(0, 1024)]
    public int DecodeThreads { get; set; }

    /// <summary>Threads of one CPU inference; 0 lets ONNX Runtime use every core.</summary>
    [Range(0, 1024)]
    public int IntraOpThreads { get; set; }

    /// <summary><c>Cpu</c> or <c>Cuda</c>. Without a usable CUDA provider the embedder says so once and runs on the CPU.</summary>
    [Required]
    [RegularExpression("^(Cpu|Cuda)$", ErrorMessage = "The field Provider must be Cpu or Cuda.")]
    public string Provider { get; set; } = "Cpu";

    [Range(0, 64)]
    public int DeviceId { get; set; }

    /// <summary>
    /// ONNX Runtime's CUDA provider options by their own names (<c>prefer_nhwc</c>, <c>fuse_conv_bias</c>,
    /// <c>use_tf32</c>, ...), over the defaults of <see cref="CudaProviderSettings"/>.
    /// </summary>
    public Dictionary<string, string> CudaOptions { get; set; } = [];

    /// <summary>The configured model: the built-in one, or the file with its preprocessing.</summary>
    public EmbeddingModel LoadModel() => Model == BuiltIn
        ? PerceptualModel.Create()
        : EmbeddingModel.FromFile(ModelId!, Model, InputSize, Mean.Length == 0 ? [0.485f, 0.456f, 0.406f] : Mean, Std.Length == 0 ? [0.229f, 0.224f, 0.225f] : Std, InputName, OutputName);

    public ProviderRequest ToRequest() => new(
        Provider == "Cuda" ? ExecutionProviders.Cuda : ExecutionProviders.Cpu,
        DeviceId,
        IntraOpThreads,
        CudaOptions);
}
