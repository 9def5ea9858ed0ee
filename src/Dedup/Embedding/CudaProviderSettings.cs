using System.Globalization;

namespace Crawler.Dedup.Embedding;

/// <summary>
/// The options handed to ONNX Runtime's CUDA provider: the device, full fp32 precision unless asked
/// otherwise, then whatever the configuration adds (ONNX Runtime's own option names, such as
/// <c>prefer_nhwc</c> or <c>cudnn_conv_algo_search</c>).
/// </summary>
public static class CudaProviderSettings
{
    public const string UseTf32 = "use_tf32";

    public const string PreferNhwc = "prefer_nhwc";

    public const string FuseConvBias = "fuse_conv_bias";

    /// <remarks>
    /// ONNX Runtime turns TF32 on by default, which rounds fp32 products to a 10-bit mantissa: the built-in
    /// model's vectors would then move by about 1e-3 from the CPU's, and every dedup threshold was measured
    /// in full fp32. A model where speed matters more sets <c>use_tf32</c> to 1.
    /// </remarks>
    public static Dictionary<string, string> For(ProviderRequest request)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["device_id"] = request.DeviceId.ToString(CultureInfo.InvariantCulture),
            [UseTf32] = "0",
        };
        foreach (var (name, value) in request.CudaOptions ?? new Dictionary<string, string>())
        {
            options[name] = value;
        }
        return options;
    }
}
