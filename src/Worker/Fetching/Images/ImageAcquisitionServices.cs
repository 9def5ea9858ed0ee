using Crawler.Dedup.Imaging;
using Crawler.Worker.Pipeline.Stages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Fetching.Images;

/// <summary>Registers image-host resolution, and image admission for the fetch-image stage and the dedup verb.</summary>
public static class ImageAcquisitionServices
{
    public static IServiceCollection AddImageAcquisition(this IServiceCollection services)
    {
        services.AddOptions<ImageHostsOptions>().BindConfiguration(ImageHostsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => ImgurCredentials.FromEnvironment(sp.GetRequiredService<IOptions<ImageHostsOptions>>()));
        services.AddSingleton<ImgurApi>();
        services.AddSingleton<ImageHostResolver>();
        services.AddSingleton(sp => new ImageInspector(sp.GetRequiredService<IOptions<ImageQualityOptions>>().Value.Limits(sp.GetRequiredService<IOptions<FetchOptions>>().Value.MaxImageBytes)));
        return services;
    }
}
