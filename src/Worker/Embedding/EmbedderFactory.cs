using Crawler.Dedup.Embedding;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Embedding;

/// <summary>
/// Builds the service's one embedder: the configured model on the configured provider, or on the CPU with
/// one clear log line when the GPU provider cannot be used.
/// </summary>
public sealed class EmbedderFactory(IOptions<EmbeddingOptions> options, ILogger<EmbedderFactory> logger)
{
    public OnnxEmbedder Create()
    {
        var settings = options.Value;
        var model = settings.LoadModel();
        var request = settings.ToRequest();
        var embedderSettings = new EmbedderSettings(settings.BatchSize, settings.DecodeThreads == 0 ? Environment.ProcessorCount : settings.DecodeThreads);
        try
        {
            var embedder = new OnnxEmbedder(EmbeddingSessionFactory.Create(model, request), embedderSettings);
            logger.LogInformation("Embedding with {Model} on {Provider}", model.Id, embedder.Provider);
            return embedder;
        }
        catch (ExecutionProviderException e)
        {
            return OnCpu(model, request, embedderSettings, e.Message);
        }
    }

    private OnnxEmbedder OnCpu(EmbeddingModel model, ProviderRequest request, EmbedderSettings settings, string why)
    {
        logger.LogWarning("Embedding on the CPU: CUDA was configured but {Reason}", why);
        return new OnnxEmbedder(EmbeddingSessionFactory.Create(model, request.OnCpu()), settings);
    }
}
