using Crawler.Worker.Sources;
using Crawler.Worker.Tests.Embedding;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Tests.Sources;

public sealed class NoSourceWarningTests
{
    [Fact]
    public async Task Start_WarnsOnce_WhenEverySourceIsDisabled()
    {
        var logger = new RecordingLogger<NoSourceWarning>();

        await new NoSourceWarning(Options.Create(Sources(enabled: false)), logger).StartAsync(CancellationToken.None);

        Assert.Equal([(LogLevel.Warning, NoSourceWarning.Message)], logger.Records);
        Assert.Contains("config/sources.json", NoSourceWarning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SaysNothing_WhenASourceIsEnabled()
    {
        var logger = new RecordingLogger<NoSourceWarning>();

        await new NoSourceWarning(Options.Create(Sources(enabled: true)), logger).StartAsync(CancellationToken.None);

        Assert.Empty(logger.Records);
    }

    private static SourcesOptions Sources(bool enabled) => new()
    {
        Items = [new SourceOptions { Name = "a", Enabled = false }, new SourceOptions { Name = "b", Enabled = enabled }],
    };
}
