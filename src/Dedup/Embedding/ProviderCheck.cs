using Microsoft.ML.OnnxRuntime;

namespace Crawler.Dedup.Embedding;

/// <summary>
/// Proves an execution provider end to end: the built-in model runs on it and gives the CPU's vectors for
/// the same batch. Run by <c>crawler gpu-check</c>, in a child process when the service probes a library.
/// </summary>
public static class ProviderCheck
{
    private const float Tolerance = 1e-3f;

    /// <returns>One line saying what works.</returns>
    /// <exception cref="ExecutionProviderException">The provider cannot be set up, or its vectors are wrong.</exception>
    public static string Run(ProviderRequest request)
    {
        var model = PerceptualModel.Create();
        using var onProvider = EmbeddingSessionFactory.Create(model, request);
        using var onCpu = EmbeddingSessionFactory.Create(model, request.OnCpu());
        const int images = 4;
        using var cpuInput = onCpu.CreateStaging(images);
        using var providerInput = onProvider.CreateStaging(images);
        var random = new Random(7);
        for (var i = 0; i < cpuInput.Length; i++)
        {
            cpuInput.Floats[i] = providerInput.Floats[i] = random.NextSingle();
        }
        var expected = onCpu.Run(cpuInput, images);
        var actual = onProvider.Run(providerInput, images);
        var worst = expected.Zip(actual, (e, a) => e.Zip(a, (x, y) => Math.Abs(x - y)).Max()).Max();
        if (worst > Tolerance)
        {
            throw new ExecutionProviderException($"{onProvider.Provider} runs but its vectors differ from the CPU's by {worst:0.####}");
        }
        return $"{onProvider.Provider} works (ONNX Runtime {OrtEnv.Instance().GetVersionString()}, device {request.DeviceId}, input in {providerInput.Memory}): vectors match the CPU's within {worst:0.0E0}";
    }

    /// <summary>The execution providers this build of ONNX Runtime carries, for diagnosis.</summary>
    public static string Providers() => string.Join(", ", OrtEnv.Instance().GetAvailableProviders());
}
