using Microsoft.ML.OnnxRuntime;

namespace Crawler.Dedup.Embedding;

/// <summary>Builds <see cref="EmbeddingSession"/>s on the requested execution provider.</summary>
public static class EmbeddingSessionFactory
{
    private const string CudaEpName = "CUDAExecutionProvider";
    private static readonly Lock Registration = new();
    private static readonly Dictionary<string, string> Registered = new(StringComparer.Ordinal);

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
            if (request.CudaLibrary is { } library)
            {
                AppendPlugin(options, library, request.DeviceId);
            }
            else
            {
                options.AppendExecutionProvider_CUDA(request.DeviceId);
            }
            return new EmbeddingSession(model, new InferenceSession(model.Onnx, options), ExecutionProviders.Cuda);
        }
        catch (Exception e) when (e is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            var source = request.CudaLibrary is null ? "ONNX Runtime's built-in CUDA provider" : $"the CUDA provider library {request.CudaLibrary}";
            throw new ExecutionProviderException($"{source} is unavailable: {e.Message.Split('\n')[0]}", e);
        }
    }

    /// <summary>The plugin API: register the library once per process, then append its CUDA device.</summary>
    private static void AppendPlugin(SessionOptions options, string library, int deviceId)
    {
        if (!File.Exists(library))
        {
            throw new ExecutionProviderException($"the CUDA provider library {library} does not exist");
        }
        var env = OrtEnv.Instance();
        lock (Registration)
        {
            if (!Registered.ContainsKey(library))
            {
                env.RegisterExecutionProviderLibrary($"crawler_cuda_{Registered.Count}", library);
                Registered[library] = library;
            }
        }
        var devices = env.GetEpDevices().Where(d => d.EpName == CudaEpName).ToList();
        if (deviceId >= devices.Count)
        {
            throw new ExecutionProviderException($"the CUDA provider library {library} offers {devices.Count} device(s); device {deviceId} is not one of them");
        }
        options.AppendExecutionProvider(env, [devices[deviceId]], new Dictionary<string, string>());
    }
}
