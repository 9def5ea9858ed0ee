using Crawler.Dedup.Embedding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Embedding;

/// <summary>Registers the service's one embedder and its settings (<c>Embedding</c>).</summary>
public static class EmbeddingServices
{
    public static IServiceCollection AddEmbedding(this IServiceCollection services)
    {
        services.AddValidated<EmbeddingOptions>(EmbeddingOptions.Section);
        services.AddSingleton<IValidateOptions<EmbeddingOptions>, EmbeddingOptionsValidator>();
        services.AddSingleton<EmbedderFactory>();
        services.AddSingleton<IImageEmbedder>(sp => sp.GetRequiredService<EmbedderFactory>().Create());
        return services;
    }
}
