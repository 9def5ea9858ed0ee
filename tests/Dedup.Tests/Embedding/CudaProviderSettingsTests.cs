using Crawler.Dedup.Embedding;

namespace Crawler.Dedup.Tests.Embedding;

public sealed class CudaProviderSettingsTests
{
    [Fact]
    public void For_NamesTheDevice_AndKeepsFullFp32_WhenNothingIsConfigured()
    {
        var options = CudaProviderSettings.For(new ProviderRequest(ExecutionProviders.Cuda, DeviceId: 2));

        Assert.Equal(new Dictionary<string, string> { ["device_id"] = "2", ["use_tf32"] = "0" }, options);
    }

    [Fact]
    public void For_LetsTheConfigurationOverrideADefault_AndAddOptions()
    {
        var configured = new Dictionary<string, string> { ["use_tf32"] = "1", ["prefer_nhwc"] = "1", ["fuse_conv_bias"] = "1" };

        var options = CudaProviderSettings.For(new ProviderRequest(ExecutionProviders.Cuda, CudaOptions: configured));

        Assert.Equal(new Dictionary<string, string> { ["device_id"] = "0", ["use_tf32"] = "1", ["prefer_nhwc"] = "1", ["fuse_conv_bias"] = "1" }, options);
    }
}
