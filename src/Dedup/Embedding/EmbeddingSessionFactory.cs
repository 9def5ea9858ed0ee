using Microsoft.ML.OnnxRuntime;

namespace Crawler.Dedup.Embedding;

/// <summary>Builds <see cref="EmbeddingSession"/>s on the requested execution provider.</summary>
public static class EmbeddingSessionFactory
{
    /// <exception cref="ExecutionProviderException">CUDA was asked for and could not be set up.</exception>
    public static EmbeddingSession Create(EmbeddingModel model, ProviderRequest request)
    {
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        if (request.IntraOpThreads > 0)
        {
            options.IntraOpNumThreads = request.IntraOpThreads;
        }
        if (request.Provider == ExecutionProviders.Cpu)
        {
            return new EmbeddingSession(model, new InferenceSession(model.Onnx, options), ExecutionProviders.Cpu);
        }
        if (request.Provider != ExecutionProviders.Cuda)
        {
            throw new ExecutionProviderException($"unknown execution provider '{request.Provider}' (use {ExecutionProviders.Cpu} or {ExecutionProviders.Cuda})");
        }
        try
        {
            AppendCuda(options, request);
            return new EmbeddingSession(model, new InferenceSession(model.Onnx, options), ExecutionProviders.Cuda, request.DeviceId);
        }
        catch (Exception e) when (e is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            throw new ExecutionProviderException($"ONNX Runtime's CUDA provider is unavailable: {e.Message.Split('\n')[0]}", e);
        }
    }

    /// <summary>The CUDA provider of the official GPU package (the CPU package has none, and throws here).</summary>
    private static void AppendCuda(SessionOptions options, ProviderRequest request)
    {
        using var cuda = new OrtCUDAProviderOptions();
        cuda.UpdateOptions(CudaProviderSettings.For(request));
        options.AppendExecutionProvider_CUDA(cuda);
    }
}
