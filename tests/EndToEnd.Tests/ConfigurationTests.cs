using Crawler.TestSupport;

namespace Crawler.EndToEnd.Tests;

/// <summary>Bad configuration stops the executable at start with one line naming the setting, and exit code 2.</summary>
public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("CRAWLER_Catalog__Provider", "oracle", "Catalog:Provider 'oracle' is unknown")]
    [InlineData("CRAWLER_Fetch__MaxImageBytes", "-5", "Fetch:MaxImageBytes: The field MaxImageBytes must be between")]
    [InlineData("CRAWLER_Export__Keep", "0", "Export:Keep: The field Keep must be between 1 and 1000.")]
    [InlineData("CRAWLER_Fetch__AllowedNetworks__0", "not-a-network", "Fetch:AllowedNetworks: 'not-a-network'")]
    [InlineData("CRAWLER_Fetch__MaxImageBytes", "lots", "'lots' at 'Fetch:MaxImageBytes'")]
    [InlineData("CRAWLER_Dedup__NearDuplicateSimilarity", "high", "'high' at 'Dedup:NearDuplicateSimilarity'")]
    [InlineData("CRAWLER_Rewrite__Endpoint", "ftp://models", "Rewrite:Endpoint: 'ftp://models' is not an http(s) URL")]
    [InlineData("CRAWLER_Rewrite__MaxConcurrency", "0", "Rewrite:MaxConcurrency: The field MaxConcurrency must be between")]
    [InlineData("CRAWLER_Embedding__Provider", "Gpu", "Embedding:Provider: The field Provider must be Cpu or Cuda.")]
    [InlineData("CRAWLER_Embedding__Model", "/nonexistent/sscd.onnx", "Embedding:Model: no ONNX file at /nonexistent/sscd.onnx")]
    [InlineData("CRAWLER_Sources__2__Pairing__Rules", "contest", "Sources:2:Pairing:Rules: unknown pairing rules 'contest'; known: request, battle.")]
    public async Task Export_FailsAtStart_WhenASettingIsInvalid(string variable, string value, string expected)
    {
        using var dir = new TempDir();
        var process = await CrawlerProcess.RunAsync(["export", "--data-dir", dir.Path], TimeSpan.FromSeconds(60), new Dictionary<string, string> { [variable] = value });

        Assert.Equal(2, process.ExitCode);
        Assert.Contains(expected, process.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", process.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_FailsAtStart_WhenTheDataDirIsNotWritable()
    {
        using var dir = new TempDir();
        // A file where the data directory should be: nothing can be created under it, even as root.
        var blocked = dir.Combine("not-a-dir");
        await File.WriteAllTextAsync(blocked, "x");
        var process = await CrawlerProcess.RunAsync(["export", "--data-dir", Path.Combine(blocked, "data")], TimeSpan.FromSeconds(60));

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("Storage:DataDir", process.Stderr, StringComparison.Ordinal);
        Assert.Contains("is not writable", process.Stderr, StringComparison.Ordinal);
    }
}
