using Crawler.Worker.Embedding;

namespace Crawler.Worker.Tests.Embedding;

/// <summary>The probe runs a child process; these stand a shell script in for <c>crawler gpu-check</c>.</summary>
public sealed class ProviderProbeTests
{
    [Fact]
    public void Failure_SaysTheProbeCrashed_WhenTheChildDiesOfASegfault()
    {
        var probe = new ProviderProbe(Shell("echo loading the provider; kill -SEGV $$"), TimeSpan.FromSeconds(30));

        Assert.Equal("the probe crashed (SIGSEGV); last output: loading the provider", probe.Failure("/opt/cuda/provider.so", 0));
    }

    [Fact]
    public void Failure_IsTheChildsLastLine_WhenItExitsWithAnError()
    {
        var probe = new ProviderProbe(Shell("echo devices: none; echo \"CUDA unavailable: $3 is not a provider\"; exit 1"), TimeSpan.FromSeconds(30));

        Assert.Equal("CUDA unavailable: /opt/cuda/provider.so is not a provider", probe.Failure("/opt/cuda/provider.so", 0));
    }

    [Fact]
    public void Failure_IsNull_WhenTheChildSucceeds()
    {
        var probe = new ProviderProbe(Shell("echo CUDA works"), TimeSpan.FromSeconds(30));

        Assert.Null(probe.Failure("/opt/cuda/provider.so", 0));
    }

    [Fact]
    public void Failure_KillsTheChild_WhenItHangs()
    {
        var probe = new ProviderProbe(Shell("sleep 60"), TimeSpan.FromSeconds(1));

        Assert.Equal("the probe did not finish within 1 s", probe.Failure("/opt/cuda/provider.so", 0));
    }

    /// <summary>The probe appends <c>gpu-check --cuda-library PATH --device N</c>: to the script they are $1 to $5.</summary>
    private static ProbeCommand Shell(string script) => new("/bin/sh", ["-c", script, "probe"]);
}
