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
                AppendPlugin(options, library, request);
            }
            else
            {
                AppendBuiltIn(options, request);
            }
            return new EmbeddingSession(model, new InferenceSession(model.Onnx, options), ExecutionProviders.Cuda, request.DeviceId);
        }
        catch (Exception e) when (e is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            var source = request.CudaLibrary is null ? "ONNX Runtime's built-in CUDA provider" : $"the CUDA provider library {request.CudaLibrary}";
            throw new ExecutionProviderException($"{source} is unavailable: {e.Message.Split('\n')[0]}", e);
        }
    }

    /// <summary>The CUDA provider compiled into the official GPU package.</summary>
    private static void AppendBuiltIn(SessionOptions options, ProviderRequest request)
    {
        using var cuda = new OrtCUDAProviderOptions();
        cuda.UpdateOptions(CudaProviderSettings.For(request));
        options.AppendExecutionProvider_CUDA(cuda);
    }

    /// <summary>The plugin API: register the library once per process, then append its CUDA device.</summary>
    private static void AppendPlugin(SessionOptions options, string library, ProviderRequest request)
    {
        var deviceId = request.DeviceId;
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
        // The device is chosen by the list itself; the plugin takes the remaining options by the same names.
        var settings = CudaProviderSettings.For(request);
        settings.Remove("device_id");
        options.AppendExecutionProvider(env, [devices[deviceId]], settings);
    }
}
