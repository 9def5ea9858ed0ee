using Crawler.Dedup.Embedding;
using Crawler.Worker.Embedding;
using Microsoft.Extensions.Configuration;

namespace Crawler.Worker.Tests.Embedding;

public sealed class EmbeddingOptionsBindingTests
{
    [Fact]
    public void CudaOptions_FromTheConfiguration_ReachTheProviderRequest()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Embedding:Provider"] = "Cuda",
            ["Embedding:DeviceId"] = "1",
            ["Embedding:CudaOptions:prefer_nhwc"] = "1",
            ["Embedding:CudaOptions:fuse_conv_bias"] = "1",
        }).Build();

        var request = configuration.GetSection(EmbeddingOptions.Section).Get<EmbeddingOptions>()!.ToRequest();

        Assert.Equal(ExecutionProviders.Cuda, request.Provider);
        Assert.Equal(
            new Dictionary<string, string> { ["device_id"] = "1", ["use_tf32"] = "0", ["prefer_nhwc"] = "1", ["fuse_conv_bias"] = "1" },
            CudaProviderSettings.For(request));
    }
}
