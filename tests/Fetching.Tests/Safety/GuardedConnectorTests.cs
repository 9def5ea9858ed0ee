using Crawler.TestSupport.Fetching;
using System.Net;
using Crawler.Fetching;
using Crawler.Fetching.Safety;
using Microsoft.Extensions.Options;

namespace Crawler.Fetching.Tests.Safety;

/// <summary>
/// The address guard decides before any socket exists: names resolve through a fake resolver, so these
/// tests send no packet anywhere.
/// </summary>
public sealed class GuardedConnectorTests
{
    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("169.254.169.254")]
    [InlineData("::1")]
    [InlineData("127.0.0.1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:192.168.1.1")]
    public async Task AllowedEndpoints_RefusesANameResolvingToAForbiddenAddress(string address)
    {
        var connector = Connector(new FakeResolver(IPAddress.Parse(address)), allowed: []);

        var error = await Assert.ThrowsAsync<AddressRefusedException>(() => connector.AllowedEndpointsAsync("images.example.test", 443, CancellationToken.None));

        Assert.Contains($"images.example.test resolves to {IPAddress.Parse(address)}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowedEndpoints_KeepsOnlyPublicAddresses_WhenANameResolvesToBoth()
    {
        var connector = Connector(new FakeResolver(IPAddress.Parse("10.1.2.3"), IPAddress.Parse("93.184.216.34")), allowed: []);

        var endpoints = await connector.AllowedEndpointsAsync("mixed.example.test", 80, CancellationToken.None);

        Assert.Equal([new IPEndPoint(IPAddress.Parse("93.184.216.34"), 80)], endpoints);
    }

    [Fact]
    public async Task AllowedEndpoints_AllowsLoopback_OnlyWhenConfigured()
    {
        var connector = Connector(new FakeResolver(IPAddress.Loopback), allowed: ["127.0.0.1/32"]);

        var endpoints = await connector.AllowedEndpointsAsync("localhost.test", 8080, CancellationToken.None);

        Assert.Equal([new IPEndPoint(IPAddress.Loopback, 8080)], endpoints);
    }

    private static GuardedConnector Connector(IHostResolver resolver, List<string> allowed) =>
        new(resolver, new LoopbackOnlyConnector(new TcpSocketConnector()), Options.Create(new FetchOptions { AllowedNetworks = allowed }));

    private sealed class FakeResolver(params IPAddress[] addresses) : IHostResolver
    {
        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) => Task.FromResult(addresses);
    }
}
