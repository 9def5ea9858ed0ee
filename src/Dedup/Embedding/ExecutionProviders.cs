namespace Crawler.Dedup.Embedding;

/// <summary>Where a session runs, as configured and as reported.</summary>
public static class ExecutionProviders
{
    public const string Cpu = "CPU";

    public const string Cuda = "CUDA";
}

/// <summary>How to build a session: on the CPU, or on CUDA through the provider of the official GPU package.</summary>
/// <param name="Provider"><see cref="ExecutionProviders.Cpu"/> or <see cref="ExecutionProviders.Cuda"/>.</param>
/// <param name="DeviceId">Which GPU.</param>
/// <param name="IntraOpThreads">Threads for one run on the CPU; 0 lets ONNX Runtime choose (all cores).</param>
/// <param name="CudaOptions">CUDA provider options by ONNX Runtime's names, over <see cref="CudaProviderSettings"/>' defaults.</param>
public sealed record ProviderRequest(
    string Provider = ExecutionProviders.Cpu,
    int DeviceId = 0,
    int IntraOpThreads = 0,
    IReadOnlyDictionary<string, string>? CudaOptions = null)
{
    public static ProviderRequest CpuOnly(int intraOpThreads = 0) => new(IntraOpThreads: intraOpThreads);

    public ProviderRequest OnCpu() => this with { Provider = ExecutionProviders.Cpu };
}

/// <summary>The requested execution provider could not be set up; the message says why.</summary>
public sealed class ExecutionProviderException(string message, Exception? inner = null) : Exception(message, inner);
