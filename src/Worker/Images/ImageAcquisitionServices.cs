using Crawler.Fetching;
using Crawler.Dedup.Imaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Images;

/// <summary>Registers image-host resolution, image admission (shared with the dedup verb) and their settings (<c>Images</c>, <c>ImageHosts</c>) for the fetch-image stage.</summary>
public static class ImageAcquisitionServices
{
    public static IServiceCollection AddImageAcquisition(this IServiceCollection services)
    {
        services.AddValidated<ImagesOptions>(ImagesOptions.Section);
        services.AddValidated<ImageHostsOptions>(ImageHostsOptions.Section);
        services.AddSingleton(sp => ImgurCredentials.FromEnvironment(sp.GetRequiredService<IOptions<ImageHostsOptions>>()));
        services.AddSingleton<ImgurApi>();
        services.AddSingleton<ImageHostResolver>();
        services.AddSingleton(sp => new ImageInspector(sp.GetRequiredService<IOptions<ImagesOptions>>().Value.Limits(sp.GetRequiredService<IOptions<FetchOptions>>().Value.MaxImageBytes)));
        return services;
    }
}
